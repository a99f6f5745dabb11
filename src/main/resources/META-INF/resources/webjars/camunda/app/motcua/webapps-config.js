/*
 * Builds the configuration shared by the four Camunda webapps from province.js.
 * Each app's scripts/config.js spreads the result and adds its own settings.
 */
import province from './province.js';

const appRoot = document.querySelector('base').getAttribute('app-root');
const LOCALE_KEY = 'motcua.locale';

/**
 * The language of this page: ?lang=xx (remembered), else the remembered choice, else the
 * province default. The webapps pick the browser's language when it is one of
 * availableLocales and fall back to fallbackLocale otherwise, so offering only the chosen
 * language makes it win over the browser's; the footer switch (webapps.js) changes it.
 */
export function chosenLocale(defaultLocale = province.defaultLocale) {
  const requested = new URLSearchParams(window.location.search).get('lang');
  if (requested && province.availableLocales.includes(requested)) {
    window.localStorage.setItem(LOCALE_KEY, requested);
    return requested;
  }
  const remembered = window.localStorage.getItem(LOCALE_KEY);
  return province.availableLocales.includes(remembered) ? remembered : defaultLocale;
}

/** appDefaultLocale: this app's language when none was chosen, if not the province's. */
export default function motcuaConfig(appDefaultLocale) {
  const locale = chosenLocale(appDefaultLocale || province.defaultLocale);
  return {
    app: {
      // The header shows "<vendor> <name>", the login page only <name>.
      vendor: province.brand + ' —',
      name: province.productName
    },
    locales: {
      availableLocales: [locale],
      fallbackLocale: locale
    },
    dateFormat: province.dateFormat,
    // The login page's "first visit" box advertises the Camunda welcome page.
    disableWelcomeMessage: true,
    requireJsConfig: {
      // AMD module defining the AngularJS module 'motcua.webapps' (language, time zone, footer).
      deps: ['motcua-webapps'],
      ngDeps: ['motcua.webapps'],
      paths: {
        'motcua-webapps': appRoot + '/app/motcua/webapps'
      },
      config: {
        'motcua-webapps': {
          locale: locale,
          localeKey: LOCALE_KEY,
          availableLocales: province.availableLocales,
          timeZone: province.timeZone
        }
      }
    }
  };
}
