import { totpCode } from '../auth/totp';
import { DEMO_TOTP_SECRET } from '../staff/demo-staff';

/** `npm run demo:otp`: the current sign-in code of the demo staff (development only; the secret is public). */
async function main(): Promise<void> {
  const now = Date.now();
  const secondsLeft = 30 - (Math.floor(now / 1000) % 30);
  console.log(`${await totpCode(DEMO_TOTP_SECRET, now)}  (valid for ${secondsLeft} more seconds)`);
}

void main();
