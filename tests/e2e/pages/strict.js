// The strict page's own script (allowed by script-src 'self'): proves the page keeps working.
document.documentElement.dataset.pageScript = 'ran';
