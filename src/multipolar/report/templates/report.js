(function () {
  "use strict";
  var button = document.getElementById("show-all");
  if (button) {
    button.addEventListener("click", function () {
      var cells = document.querySelectorAll("#period-grid .cell.hidden");
      for (var i = 0; i < cells.length; i++) { cells[i].classList.remove("hidden"); }
      button.remove();
    });
  }
  document.documentElement.setAttribute("data-report-ready", "1");
})();
