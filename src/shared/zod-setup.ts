import { z } from 'zod';

// Validation messages in Spanish, on the server and in the browser alike.
z.config(z.locales.es());
