import '@testing-library/jest-dom';

// Material UI renders slower than plain markup on a shared two-core machine.
jest.setTimeout(20_000);
