/* The desk (@@pret): F9 counts a visit from anywhere on the page; the print button
   prints the receipt (the page's print stylesheet keeps only the receipt). */
document.addEventListener("keydown", function (event) {
  if (event.key === "F9") {
    var visit = document.getElementById("rt-desk-visit");
    if (visit) {
      event.preventDefault();
      visit.click();
    }
  }
});
document.addEventListener("click", function (event) {
  if (event.target.closest(".rt-desk-print")) {
    window.print();
  }
});
