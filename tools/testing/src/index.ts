// Shared harnesses for tests that cross a process boundary: real servers and brokers on loopback.
