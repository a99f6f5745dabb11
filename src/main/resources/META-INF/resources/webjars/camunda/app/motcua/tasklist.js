/*
 * AngularJS module 'motcua.tasklist', loaded into Tasklist only (tasklist/scripts/config.js). It
 *  - makes the dossier code ("Mã hồ sơ", the business key) the first criterion of the task search,
 *    and the one a typed text searches;
 *  - puts the Camunda Forms (form-js) of Tasklist in Vietnamese: validation messages and
 *    placeholders, date pickers (Vietnamese months and weekdays, Monday first) and dates dd/mm/yyyy;
 *  - puts Tasklist's own date picker (follow-up date) in Vietnamese, Monday first.
 * See docs/localisation.md ("Camunda Forms in Tasklist").
 */
define([], function () {
  'use strict';

  var angular = window.angular;

  var MONTHS = ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8',
    'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'];
  var MONTHS_SHORT = ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'];
  // JavaScript's order: Sunday first
  var DAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
  var DAYS_SHORT = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

  /**
   * form-js writes these messages and placeholders in English only (it has no translation service);
   * they are replaced where form-js renders them: each entry is [English pattern, Vietnamese text].
   */
  var FORM_TEXTS = [
    [/^Field is required\.$/, 'Vui lòng nhập trường này.'],
    [/^Field must match pattern .*\.$/, 'Giá trị không đúng định dạng quy định.'],
    [/^Field must have minimum value of (.*)\.$/, 'Giá trị nhỏ nhất là $1.'],
    [/^Field must have maximum value of (.*)\.$/, 'Giá trị lớn nhất là $1.'],
    [/^Field must have minimum length of (.*)\.$/, 'Cần ít nhất $1 ký tự.'],
    [/^Field must have maximum length of (.*)\.$/, 'Không quá $1 ký tự.'],
    [/^Field must be a valid +international phone number.*$/, 'Số điện thoại không hợp lệ.'],
    [/^Field must be a valid email\.$/, 'Địa chỉ thư điện tử không hợp lệ.'],
    [/^Value is not a number\.$/, 'Giá trị phải là một số.'],
    [/^Value is expected to be an integer\.$/, 'Giá trị phải là số nguyên.'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Giá trị có tối đa $1 chữ số thập phân.'],
    [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
      'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là $1 và $2.'],
    [/^Select$/, 'Chọn'],
    [/^Search$/, 'Tìm kiếm'],
    [/^No options available\.?$/, 'Không có lựa chọn.'],
    [/^Remove tag$/, 'Bỏ chọn'],
    [/^Date$/, 'Ngày'],
    [/^Time$/, 'Giờ']
  ];

  function translated(text) {
    var trimmed = text.trim();
    for (var i = 0; i < FORM_TEXTS.length; i++) {
      if (FORM_TEXTS[i][0].test(trimmed)) {
        return trimmed.replace(FORM_TEXTS[i][0], FORM_TEXTS[i][1]);
      }
    }
    return null;
  }

  function translateNode(node) {
    if (node.nodeType === 3) {
      var text = translated(node.nodeValue);
      if (text !== null && text !== node.nodeValue) {
        node.nodeValue = text;
      }
      return;
    }
    if (node.nodeType !== 1) {
      return;
    }
    ['placeholder', 'title', 'aria-label'].forEach(function (attribute) {
      var value = node.getAttribute(attribute);
      var text = value && translated(value);
      if (text && text !== value) {
        node.setAttribute(attribute, text);
      }
    });
    var walker = document.createTreeWalker(node, 5 /* elements and text */);
    for (var current = walker.nextNode(); current; current = walker.nextNode()) {
      translateNode(current);
    }
  }

  /** Vietnamese for flatpickr, the date picker of form-js (global window.flatpickr). */
  function localizeFlatpickr() {
    var flatpickr = window.flatpickr;
    if (!flatpickr || flatpickr.motcua) {
      return;
    }
    flatpickr.localize({
      weekdays: { shorthand: DAYS_SHORT, longhand: DAYS },
      months: { shorthand: MONTHS_SHORT, longhand: MONTHS },
      firstDayOfWeek: 1,
      rangeSeparator: ' đến ',
      weekAbbreviation: 'Tuần',
      scrollTitle: 'Cuộn để tăng hoặc giảm',
      toggleTitle: 'Bấm để chuyển',
      time_24hr: true,
      ordinal: function () { return ''; }
    });
    flatpickr.motcua = true;
  }

  /**
   * form-js takes the date format of its date fields from Intl.DateTimeFormat('default') (the
   * browser's language; and, in the version Tasklist embeds, the field's date label, which is not a
   * language tag and makes the picker fail). For those calls the Vietnamese format dd/mm/yyyy is
   * answered; every call naming a real language, or with options, is left as it is.
   */
  function vietnameseDefaultDateFormat() {
    var Native = Intl.DateTimeFormat;
    if (Native.motcua) {
      return;
    }
    var isLanguageTag = function (locales) {
      try {
        Native.supportedLocalesOf(locales);
        return true;
      } catch (e) {
        return false;
      }
    };
    var DateTimeFormat = function (locales, options) {
      if (options === undefined && typeof locales === 'string'
          && (locales === 'default' || !isLanguageTag(locales))) {
        return new Native('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
      }
      return new Native(locales, options);
    };
    DateTimeFormat.prototype = Native.prototype;
    DateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf;
    DateTimeFormat.motcua = true;
    Intl.DateTimeFormat = DateTimeFormat;
  }

  function watchForms() {
    var observer = new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        var target = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentNode;
        if (!target || !target.closest || !target.closest('.fjs-container, .flatpickr-calendar')) {
          return;
        }
        localizeFlatpickr();
        if (mutation.type === 'characterData') {
          translateNode(mutation.target);
        } else if (mutation.type === 'attributes') {
          translateNode(mutation.target);
        } else {
          Array.prototype.forEach.call(mutation.addedNodes, translateNode);
        }
      });
    });
    observer.observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['placeholder', 'title', 'aria-label']
    });
  }

  vietnameseDefaultDateFormat();
  localizeFlatpickr();

  var tasklist = angular.module('motcua.tasklist', []);

  tasklist.config(['$provide', function ($provide) {
    // The task search: the dossier code first and the default for a typed text (Tasklist's list
    // of criteria is fixed in its code; it reaches the search widget as 'types').
    try {
      $provide.decorator('camWidgetSearchDirective', ['$delegate', function (directives) {
        var search = directives[0];
        var compile = search.compile;
        search.compile = function () {
          var link = compile ? compile.apply(this, arguments) : search.link;
          var pre = link && link.pre;
          var post = link && link.post ? link.post : link;
          return {
            pre: function (scope) {
              dossierCodeFirst(scope.types);
              if (pre) {
                pre.apply(this, arguments);
              }
            },
            post: post
          };
        };
        return directives;
      }]);
    } catch (e) {
      window.console.warn('motcua.tasklist: cannot decorate the task search', e);
    }
  }]);

  tasklist.run(['$injector', function ($injector) {
    var locale = $injector.has('$locale') ? $injector.get('$locale') : null;
    if (locale) {
      // AngularJS' own localisation: used by Tasklist's date picker (follow-up date)
      locale.DATETIME_FORMATS.MONTH = MONTHS;
      locale.DATETIME_FORMATS.SHORTMONTH = MONTHS_SHORT;
      locale.DATETIME_FORMATS.STANDALONEMONTH = MONTHS;
      locale.DATETIME_FORMATS.DAY = DAYS;
      locale.DATETIME_FORMATS.SHORTDAY = DAYS_SHORT;
      locale.DATETIME_FORMATS.FIRSTDAYOFWEEK = 0; // Monday (AngularJS counts from Monday)
    }
    if ($injector.has('uibDatepickerConfig')) {
      var picker = $injector.get('uibDatepickerConfig');
      picker.startingDay = 1;
      picker.formatDayTitle = 'MMMM, yyyy';
      picker.formatMonthTitle = 'yyyy';
    }
    if ($injector.has('uibTimepickerConfig')) {
      $injector.get('uibTimepickerConfig').showMeridian = false; // 24-hour clock, no AM/PM
    }
    if ($injector.has('uibDatepickerPopupConfig')) {
      var popup = $injector.get('uibDatepickerPopupConfig');
      popup.currentText = 'Hôm nay';
      popup.clearText = 'Xóa';
      popup.closeText = 'Đóng';
    }
    watchForms();
  }]);

  /** Moves the dossier code (business key) criterion to the front and makes it the default. */
  function dossierCodeFirst(types) {
    if (!angular.isArray(types)) {
      return;
    }
    var index = -1;
    types.forEach(function (type, i) {
      if (type && type.id && type.id.key === 'processInstanceBusinessKey') {
        index = i;
      }
    });
    if (index < 0) {
      return;
    }
    var code = types.splice(index, 1)[0];
    types.forEach(function (type) {
      delete type.default;
    });
    code.default = true;
    types.unshift(code);
  }

  return tasklist;
});
