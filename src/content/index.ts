/** Content script entry: one controller per page, and no error ever escapes into the page. */
import { Controller, logError } from './controller';

try {
  void new Controller(document, window).start().catch(logError);
} catch (error) {
  logError(error);
}
