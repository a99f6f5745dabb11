/*
 * Settings a province changes to brand the Camunda webapps (Tasklist, Cockpit, Admin, Welcome).
 * Imported by every app's scripts/config.js; see docs/localisation.md.
 */
export default {
  // Shown before the product name in the header and the browser tab: "<brand> — <productName>".
  brand: 'Motcua',
  // Shown on the login page and after the brand.
  productName: 'Một cửa liên thông',
  // Language used unless the official chose another one (?lang=en, remembered in the browser).
  defaultLocale: 'vi',
  availableLocales: ['vi', 'en'],
  // IANA time zone in which every date is displayed, whatever the zone of the browser.
  timeZone: 'Asia/Ho_Chi_Minh',
  // moment.js formats used by the webapps' date filter (dd/mm/yyyy, 24-hour clock).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  }
};
