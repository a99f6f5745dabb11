/*
 * Configuration of Camunda Cockpit, replacing the one in the Camunda webjar.
 * Branding, language and time zone come from ../../motcua/province.js; see docs/localisation.md.
 */
import motcuaConfig from '../../motcua/webapps-config.js';

export default {
  // English until cockpit/locales/vi.json is complete (WebappTranslationsTest lists the missing
  // keys): a missing key would show as its raw name. Vietnamese stays one click away in the footer.
  // Remove the argument once the translation is complete.
  ...motcuaConfig('en')
};
