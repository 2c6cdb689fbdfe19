// Kept out of the page: the test server's strict-CSP pages refuse inline scripts.
document.getElementById('open').addEventListener('click', () => document.getElementById('box').showModal());
