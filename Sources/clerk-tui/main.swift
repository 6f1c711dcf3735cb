print("clerk-tui")
