"""The pages: addresses, page table, queries, text rules, rendering and templates. No MkDocs."""
