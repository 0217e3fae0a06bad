"""Small Moments: turn YAML exercises into validated, rendered self-quiz pages."""
