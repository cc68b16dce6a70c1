// The API docs page: Swagger UI (served locally) drawing the document named by #swagger-ui's data-spec-url.
// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    deepLinking: true,
  });
})();
