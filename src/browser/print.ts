/**
 * The service page's "printable version" link prints at once when JavaScript runs; without
 * it, the link opens `?print=1`, the same page in its print styles on screen.
 */
document.getElementById('print-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  window.print();
});
