/*
 * Configuration of Camunda Cockpit, replacing the one in the Camunda webjar.
 * Branding, language and time zone come from ../../motcua/province.js; see docs/localisation.md.
 */
import motcuaConfig from '../../motcua/webapps-config.js';

export default {
  ...motcuaConfig()
};
