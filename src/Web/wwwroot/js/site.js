// Progressive enhancement only: the copy buttons (hidden until this script runs, so a page without
// script shows no dead button). No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // http://127.0.0.1 is not a secure context everywhere: fall back to a selected textarea.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy") ? resolve() : reject(new Error("copy failed")); }
      catch (e) { reject(e); }
      finally { document.body.removeChild(area); }
    });
  }
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) { return; }
      var text = "value" in target && target.tagName !== "OUTPUT" ? target.value : target.textContent;
      var box = button.closest(".citation-box");
      var status = box ? box.querySelector(".copy-status") : null;
      copyText(text.trim()).then(function () {
        if (status) { status.textContent = "已复制：" + text.trim(); }
      }, function () {
        if (status) { status.textContent = "无法自动复制，请手动选择文本复制。"; }
      });
    });
  });
})();
