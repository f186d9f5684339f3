import type { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A LoggerService whose calls are jest mocks. @backstage/backend-test-utils' mockServices cannot
 * be loaded under --experimental-vm-modules (its Azure dependencies require() ESM), which the
 * client-node tests need.
 */
export function testLogger(): jest.Mocked<LoggerService> {
  const logger = {
    error: jest.fn(),
    warn: jest.fn(),
    info: jest.fn(),
    debug: jest.fn(),
    child: jest.fn(),
  } as jest.Mocked<LoggerService>;
  logger.child.mockReturnValue(logger);
  return logger;
}
