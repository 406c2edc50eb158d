// Applies the chosen colour theme before the first paint, so a dark page never flashes light.
// A file rather than an inline script: the Content-Security-Policy allows scripts from 'self' only.
// Keep the key and the values in step with src/theme/theme.ts. The customer portal and the public
// pages (/p/…) have the workspace's light look: the theme is the admin app's.
(function () {
  var preference = window.location.pathname.indexOf('/p/') === 0 ? 'light' : 'system';
  try {
    var stored = window.localStorage.getItem('chorus.theme');
    if (preference === 'system' && (stored === 'light' || stored === 'dark')) preference = stored;
  } catch (error) {
    // Storage can be refused (privacy settings): follow the system.
  }
  var dark =
    preference === 'dark' ||
    (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
