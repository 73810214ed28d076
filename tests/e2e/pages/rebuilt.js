// After load, this page rebuilds parts of its DOM into trees the HTML parser would never
// produce: a div inside a p (the parser would close the p), a div as a direct child of a table
// (the parser would foster-parent it out), and a paragraph moved into a list item. The
// extension's snapshot re-parses into a different tree, so indexes from the core shift.
const p = document.querySelector('.entry-content p');
const inP = document.createElement('div');
inP.className = 'inline-note';
inP.textContent = 'Note ajoutée par script dans un paragraphe.';
p.appendChild(inP);
const table = document.createElement('table');
table.className = 'rebuilt-table';
const inTable = document.createElement('div');
inTable.textContent = 'Un div enfant direct d’un tableau.';
table.appendChild(inTable);
document.querySelector('.sidebar').prepend(table);
const extra = document.createElement('ul');
extra.className = 'related';
const li = document.createElement('li');
const para = document.createElement('p');
para.textContent = 'Paragraphe déplacé dans une liste par le script de la page.';
li.appendChild(para);
extra.appendChild(li);
document.querySelector('header').appendChild(extra);
