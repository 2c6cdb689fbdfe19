// The page's own tab: shows its panel (a script of the page, not inline, for strict CSPs).
document.getElementById('show-tab').addEventListener('click', () => { document.getElementById('tab').hidden = false; });
