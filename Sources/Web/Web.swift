// Web: see DESIGN.md
