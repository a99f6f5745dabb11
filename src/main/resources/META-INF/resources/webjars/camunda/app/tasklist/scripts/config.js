/*
 * Configuration of Camunda Tasklist, replacing the one in the Camunda webjar.
 * Branding, language and time zone come from ../../motcua/province.js; see docs/localisation.md.
 */
import motcuaConfig from '../../motcua/webapps-config.js';

export default {
  ...motcuaConfig(),
  customScripts: ['motcua-pages/receipt-link'],
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
