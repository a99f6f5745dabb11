/*
 * Tasklist custom script (one line in ../scripts/config.js: customScripts). After an official
 * starts a procedure in Tasklist ("Bắt đầu quy trình"), it asks Motcua which dossier the new
 * process instance registered (GET /api/desk/process-instances/{id}, answered only to officials
 * of the receiving desk) and shows its code with a link "Xem phiếu tiếp nhận" to the receipt.
 * Texts come from Motcua's message bundle in the language Tasklist shows. See docs/desk-and-supervisors.md.
 */
const appRoot = document.querySelector('base').getAttribute('app-root');
// Motcua's own pages live next to the webapps (app root "/camunda" -> "").
const motcuaRoot = appRoot.substring(0, appRoot.lastIndexOf('/'));
const START = /\/process-definition\/(?:key\/)?[^/]+\/(?:submit-form|start)(?:\?|$)/;
const BOX_ID = 'motcua-receipt-link';

function language() {
  return window.localStorage.getItem('motcua.locale') || 'vi';
}

function show(answer) {
  let box = document.getElementById(BOX_ID);
  if (box) {
    box.remove();
  }
  box = document.createElement('div');
  box.id = BOX_ID;
  box.setAttribute('role', 'status');
  box.style.cssText = 'position:fixed;top:64px;right:16px;z-index:2000;background:#fff;border:2px solid #1d4ed8;'
    + 'border-radius:6px;padding:12px 36px 12px 16px;box-shadow:0 4px 16px rgba(0,0,0,.2);font-size:15px;max-width:420px';
  const text = document.createElement('div');
  text.className = 'motcua-started';
  text.textContent = answer.message;
  const link = document.createElement('a');
  link.className = 'motcua-receipt';
  link.href = motcuaRoot + answer.receipt;
  // same tab: a window opened from Tasklist inherits its CSP sandbox, where window.print() is blocked
  link.textContent = answer.link;
  link.style.cssText = 'display:inline-block;margin-top:6px;font-weight:600';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Đóng');
  close.style.cssText = 'position:absolute;top:4px;right:8px;border:0;background:none;font-size:20px;cursor:pointer';
  close.addEventListener('click', () => box.remove());
  box.append(text, link, close);
  document.body.appendChild(box);
}

function started(method, url, status, body) {
  if (String(method).toUpperCase() !== 'POST' || status !== 200 || !START.test(url)) {
    return;
  }
  let instance;
  try {
    instance = JSON.parse(body);
  } catch (e) {
    return;
  }
  if (!instance || !instance.id) {
    return;
  }
  window.fetch(motcuaRoot + '/api/desk/process-instances/' + encodeURIComponent(instance.id), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': language() }
  })
    .then(response => (response.ok ? response.json() : null))
    .then(answer => answer && answer.receipt && show(answer))
    .catch(error => window.console.warn('motcua: no receipt link', error));
}

// Tasklist talks to the engine with XMLHttpRequest (camunda-bpm-sdk-js); fetch is watched too.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.addEventListener('load', () => {
    if (this.responseType === '' || this.responseType === 'text') {
      started(method, String(url), this.status, this.responseText);
    }
  });
  return open.apply(this, arguments);
};
const originalFetch = window.fetch;
window.fetch = function (input, init) {
  const method = (init && init.method) || (input && input.method) || 'GET';
  const url = typeof input === 'string' ? input : input && input.url;
  return originalFetch.apply(this, arguments).then(response => {
    if (String(method).toUpperCase() === 'POST' && START.test(String(url))) {
      response.clone().text().then(body => started(method, String(url), response.status, body));
    }
    return response;
  });
};
