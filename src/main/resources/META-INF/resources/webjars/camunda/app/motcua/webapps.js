/*
 * AngularJS module 'motcua.webapps', loaded into Tasklist, Cockpit, Admin and Welcome through
 * requireJsConfig in webapps-config.js. It
 *  - shows dates in the province's time zone, whatever the browser's zone, by decorating the
 *    webapps' 'camDate' filter and AngularJS' 'date' filter;
 *  - shows that zone in the footer, with a switch between the available languages.
 * Settings come from province.js through the RequireJS module config.
 */
define(['module'], function (module) {
  'use strict';

  var settings = module.config();
  var angular = window.angular;
  var LANGUAGE_NAMES = { vi: 'Tiếng Việt', en: 'English' };

  /** Offset of the time zone from UTC at the given instant, in minutes (e.g. 420 for UTC+7). */
  function zoneOffset(date, timeZone) {
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(date).forEach(function (part) {
      parts[part.type] = part.value;
    });
    var wallClockAsUtc = Date.UTC(+parts.year, parts.month - 1, +parts.day, +parts.hour % 24,
      +parts.minute, +parts.second);
    return Math.round((wallClockAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  }

  /** Accepts what the webapps pass to date filters: Date, epoch millis or ISO 8601 text. */
  function toDate(value) {
    if (value instanceof Date) {
      return value;
    }
    if (typeof value === 'number') {
      return new Date(value);
    }
    // The engine writes offsets without a colon (2025-11-23T10:15:00.000+0700).
    var date = new Date(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return isNaN(date.getTime()) ? null : date;
  }

  /**
   * A Date whose local (browser) wall-clock reading equals the wall-clock time in the province's
   * zone, so that the webapps' own formatting, which works in the browser's zone, prints it.
   */
  function shiftToZone(date) {
    var browserOffset = -date.getTimezoneOffset();
    return new Date(date.getTime() + (zoneOffset(date, settings.timeZone) - browserOffset) * 60000);
  }

  function offsetText(minutes) {
    var abs = Math.abs(minutes);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return (minutes < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + pad(abs % 60);
  }

  var motcua = angular.module('motcua.webapps', []);

  motcua.config(['$provide', function ($provide) {
    // The webapps' own date filter (moment.js, configured formats).
    decorate($provide, 'camDateFilter', ['$delegate', function (camDate) {
      return function (value, format) {
        var date = value ? toDate(value) : null;
        return date ? camDate(shiftToZone(date), format) : camDate(value, format);
      };
    }]);
    // AngularJS' date filter, used in a few templates: give it the zone's offset.
    decorate($provide, 'dateFilter', ['$delegate', function (dateFilter) {
      return function (value, format, timezone) {
        var date = value ? toDate(value) : null;
        if (!date || timezone) {
          return dateFilter(value, format, timezone);
        }
        return dateFilter(date, format, offsetText(zoneOffset(date, settings.timeZone)));
      };
    }]);
    // The footer names the browser's zone; name the one dates are shown in and offer the languages.
    decorate($provide, 'camWidgetFooterDirective', ['$delegate', function (directives) {
      var footer = directives[0];
      var link = footer.link;
      footer.compile = function () {
        return function (scope, element) {
          if (link) {
            link.apply(this, arguments);
          }
          scope.timezoneName = settings.timeZone;
          appendLanguageSwitch(element);
        };
      };
      return directives;
    }]);
  }]);

  /** A decoration this version of an app does not support must not stop the app. */
  function decorate($provide, name, decorator) {
    try {
      $provide.decorator(name, decorator);
    } catch (e) {
      window.console.warn('motcua.webapps: cannot decorate ' + name, e);
    }
  }

  function appendLanguageSwitch(element) {
    var box = angular.element('<span class="motcua-language"></span>');
    settings.availableLocales.forEach(function (locale) {
      var link = angular.element('<a href></a>').text(LANGUAGE_NAMES[locale] || locale);
      if (locale === settings.locale) {
        link.addClass('active');
      }
      link.on('click', function (event) {
        event.preventDefault();
        window.localStorage.setItem(settings.localeKey, locale);
        window.location.reload();
      });
      box.append(link);
    });
    var zone = element[0].querySelector('#footer-timezone');
    angular.element(zone || element[0]).append(box);
  }

  return motcua;
});
