// Catalog: see DESIGN.md
