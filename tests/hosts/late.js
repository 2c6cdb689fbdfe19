// Adds an explainer host after the page has loaded, as a CMS widget loader might.
setTimeout(() => {
  const host = document.createElement('div');
  host.id = 'late';
  host.setAttribute('data-explainer', '');
  host.setAttribute('data-lang', 'en');
  document.body.append(host);
}, 300);
