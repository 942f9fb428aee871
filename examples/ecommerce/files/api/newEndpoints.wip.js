// API endpoints in development
