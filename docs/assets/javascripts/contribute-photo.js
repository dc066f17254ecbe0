/* Photos in the contribute form: a chosen photo is decoded, turned upright by its orientation, scaled to at most
   2,400 px on the long side and re-encoded as JPEG in this browser, then offered for download under the file name
   the YAML uses (a[data-contribute="photo"][download]).  Nothing is uploaded. */
(function () {
  "use strict";
  var form = document.getElementById("cs-contribute-form");
  if (!form || !window.createImageBitmap) return;

  /* ---- photos: decoded, turned upright, at most 2,400 px, re-encoded as JPEG (which keeps no metadata) ---- */
  var MAX_SIDE = 2400;
  /* The encoder's JPEG keeps none of the original's metadata, but Chromium tags it with its own sRGB ICC profile:
     keep only the JFIF header (APP0) and the image, dropping every APP1–APP15 and comment segment before the scan. */
  function withoutAppSegments(bytes) {
    var parts = [bytes.subarray(0, 2)];
    var at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      var marker = bytes[at + 1];
      if (marker === 0xda) break;  // start of scan: the rest is image data
      var end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
      if (!((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe)) parts.push(bytes.subarray(at, end));
      at = end;
    }
    parts.push(bytes.subarray(at));
    return new Blob(parts);
  }
  function photoName(file, input) {
    var base = file.name.replace(/\.[^.]*$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    var taken = Array.prototype.map.call(form.querySelectorAll("[data-photo-for]"), function (other) {
      return other === input ? "" : form.querySelector('[name="' + other.dataset.photoFor + '"]').value;
    });
    var name = (base || "photo") + ".jpg";
    for (var n = 2; taken.indexOf(name) >= 0; n++) name = (base || "photo") + "-" + n + ".jpg";
    return name;
  }
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches("[data-photo-for]") || !input.files.length) return;
    var file = input.files[0];
    var output = input.parentElement.querySelector("[data-photo-output]");
    var target = form.querySelector('[name="' + input.dataset.photoFor + '"]');
    output.textContent = "写真を処理しています…";
    createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      return new Promise(function (resolve) { canvas.toBlob(function (blob) { resolve(blob); }, "image/jpeg", 0.88); })
        .then(function (blob) { return blob.arrayBuffer(); })
        .then(function (bytes) { return [new Blob([withoutAppSegments(new Uint8Array(bytes))], { type: "image/jpeg" }), canvas]; });
    }).then(function (made) {
      var name = photoName(file, input);
      target.value = name;
      target.dispatchEvent(new Event("change", { bubbles: true }));  // the form checks it again and keeps the draft
      output.textContent = "";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(made[0]);
      link.download = name;
      link.setAttribute("data-contribute", "photo");
      link.textContent = name + " をダウンロード（" + made[1].width + "×" + made[1].height + " ピクセル、位置情報なし）";
      output.appendChild(link);
    }, function () {
      output.textContent = "この写真は読み込めませんでした。JPEG・PNG・WebP の写真を選んでください";
    });
  });
})();
