"""MkDocs hook (mkdocs.yml `hooks:`): adds every year's pages and the open data, marks
the years in the navigation, and takes the theme's indentation out of built pages.

Wiring only; the work is in macros/lijm/site.py, macros/lijm/witruimte.py and the page list in
macros/paginas/adressen.py.
Hooks run after the plugins, so mkdocs-macros has already imported the `macros`
package and loaded the model (define_env, in its on_config) when these run.
"""


def on_config(config):
    from macros.lijm.site import voeg_jaren_toe_aan_nav

    voeg_jaren_toe_aan_nav(config)
    return config


def on_files(files, config):
    from macros.lijm.site import voeg_paginas_toe

    return voeg_paginas_toe(files, config)


def on_nav(nav, config, files):
    from macros.lijm.site import markeer_jaren_in_nav

    markeer_jaren_in_nav(nav, config)
    return nav


def on_page_markdown(markdown, page, config, files):
    from macros.lijm.site import vul_pagina

    return vul_pagina(markdown, page, config)


def on_post_page(output, page, config):
    from macros.lijm.witruimte import zonder_inspringing

    return zonder_inspringing(output)


def on_post_template(output_content, template_name, config):
    from macros.lijm.witruimte import zonder_inspringing

    # the theme's own pages, such as 404.html; not sitemap.xml
    return zonder_inspringing(output_content) if template_name.endswith(".html") else output_content
