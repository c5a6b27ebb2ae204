await import('../dist/cli/main.js');
