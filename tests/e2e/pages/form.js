// The page's own behaviour, which must survive clean -> reader -> restore.
let n = 0;
document.getElementById('counter').addEventListener('click', () => {
  n += 1;
  document.getElementById('count').textContent = String(n);
});
