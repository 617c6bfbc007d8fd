// Registers the commands beyond `check`: run, explain, test, fmt.
export {};
