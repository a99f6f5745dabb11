/*
 * Configuration of Camunda Tasklist, replacing the one in the Camunda webjar.
 * Branding, language and time zone come from ../../motcua/province.js; see docs/localisation.md.
 */
import motcuaConfig from '../../motcua/webapps-config.js';

const appRoot = document.querySelector('base').getAttribute('app-root');
const base = motcuaConfig();

export default {
  ...base,
  // the desk's link to the receipt after a start (../../motcua-pages/receipt-link.js)
  customScripts: ['motcua-pages/receipt-link'],
  requireJsConfig: {
    ...base.requireJsConfig,
    deps: [
      ...base.requireJsConfig.deps,
      // task cards' search by dossier code, Camunda Forms and date pickers in Vietnamese
      'motcua-tasklist'
    ],
    ngDeps: [
      ...base.requireJsConfig.ngDeps,
      'motcua.tasklist'
    ],
    paths: {
      ...base.requireJsConfig.paths,
      'motcua-tasklist': appRoot + '/app/motcua/tasklist'
    }
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận nhiệm vụ đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến nhiệm vụ đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập đầu tiên của biểu mẫu nhiệm vụ'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
