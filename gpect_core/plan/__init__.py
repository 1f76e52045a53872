"""The committee's action plan: model, store, progress rules, history."""
