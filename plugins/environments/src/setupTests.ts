import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Material UI renders slower than plain markup on a shared two-core machine: more time for
// each test and for each findBy/waitFor before they fail.
jest.setTimeout(20_000);
configure({ asyncUtilTimeout: 5_000 });
