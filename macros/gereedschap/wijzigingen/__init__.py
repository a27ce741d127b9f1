"""What changes for readers between two versions of the data: the summary for reviewers.

`vergelijken.vergelijk` compares two models (as `laad` returns them) and
`verslag.als_markdown` writes the result as Dutch Markdown, for a pull request's job
summary and for a terminal. `git.data_op_versie` gets the data folder as it was at a git
version; `opdracht.draai` is the command behind `python -m macros wijzigingen BASE`.
Plain Python, no MkDocs, no Jinja: values read as on the site through paginas.opmaak.

The modules: `markdown` (data text as Markdown), `woordverschil` (a text diff by
words), `tonen` (a value as readers see it), `overzicht` (what the summary holds),
`velden` (comparing two versions of one thing, field by field), `vergelijken`
(comparing models), `verslag` (the Markdown), `git` and `opdracht`.

The comparison is on the model, not on YAML text: reformatting a file changes nothing
for readers and shows nothing here. Fields are compared generically, so a field added
to the model later is reported without a change here (under its own name until it gets
a label in opmaak.VELDNAMEN).

A page can also change without its own data changing: a commitment's page links to the
commitments that continue it or name it, so a new year lists, under each earlier year,
the pages that get such a link. The municipality's name is the site's name, on every page.
"""
