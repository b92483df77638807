// Academy: see DESIGN.md
