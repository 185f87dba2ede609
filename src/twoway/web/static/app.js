// twoway: progressive enhancement only. Every action also works as a plain form without this file.
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";

  function announce(text, isError) {
    var live = document.getElementById("live");
    if (!live) return;
    live.hidden = false;
    live.textContent = text;
    live.classList.toggle("error-message", !!isError);
  }

  function errorText(response, fallback) {
    return response.json().then(function (body) {
      return body && body.error ? body.error.message : fallback;
    }, function () { return fallback; });
  }

  // Copy a draft to the clipboard.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) { announce("Copying needs a secure page; select the text instead.", true); return; }
      navigator.clipboard.writeText(source.textContent).then(function () {
        announce("Draft copied.");
        button.textContent = "Copied";
      }, function () { announce("Could not copy; select the text instead.", true); });
    });
  });

  // Forms marked data-async are sent in place with the CSRF header; the item is marked done.
  document.querySelectorAll("form[data-async]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      var body = new FormData(form);
      if (submitter && submitter.name) body.append(submitter.name, submitter.value);
      fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) return errorText(response, "That did not work.").then(function (m) { announce(m, true); });
        var item = form.closest("[data-item]");
        if (item) item.classList.add("done");
        announce(form.getAttribute("data-done") || (submitter && submitter.getAttribute("data-done")) || "Done.");
      }, function () { announce("The server did not answer.", true); });
    });
  });

  // Keyboard shortcuts: buttons with data-key are pressed by that key (not while typing).
  var keyed = document.querySelectorAll("[data-key]");
  if (keyed.length) {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) return;
      for (var i = 0; i < keyed.length; i++) {
        if (keyed[i].getAttribute("data-key") === event.key.toLowerCase()) {
          event.preventDefault();
          keyed[i].click();
          return;
        }
      }
    });
  }

  // After a decision the page reloads on the next item: focus it, so a keyboard or screen reader user goes on
  // from there rather than from the top of the page.
  var next = document.querySelector("[data-focus-after-decision]");
  if (next && /[?&]done=/.test(window.location.search)) next.focus();

  // Import: upload with progress, then poll the running import until it finishes.
  var upload = document.getElementById("upload-form");
  if (upload && window.XMLHttpRequest && window.FormData) {
    upload.addEventListener("submit", function (event) {
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", "Upload progress");
      upload.appendChild(bar);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      xhr.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
        if (xhr.status === 202 && body.id) { window.location.assign("/import/" + encodeURIComponent(body.id)); return; }
        bar.remove();
        announce(body.error ? body.error.message : "The upload failed.", true);
      });
      xhr.addEventListener("error", function () { bar.remove(); announce("The upload failed.", true); });
      xhr.open("POST", "/api/imports");
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.send(new FormData(upload));
      announce("Uploading…");
    });
  }

  var job = document.getElementById("import-job");
  if (job && (job.dataset.state === "running" || job.dataset.state === "queued")) {
    var stage = document.getElementById("import-stage");
    var progress = document.getElementById("import-progress");
    var poll = function () {
      fetch("/api/imports/" + encodeURIComponent(job.dataset.job), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (state) {
          if (state.state === "done" || state.state === "failed") { window.location.reload(); return; }
          if (stage) stage.textContent = state.stage + (state.total ? ": " + state.done.toLocaleString() + " of " + state.total.toLocaleString() : "");
          if (progress) { progress.value = state.percent; progress.textContent = state.percent + "%"; }
          window.setTimeout(poll, 400);
        }, function () { window.setTimeout(poll, 1500); });
    };
    window.setTimeout(poll, 300);
  }
})();
