import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Counts login attempts per client address and e-mail, so one noisy office does not lock out
 * its neighbours while guessing at one account is still slowed to a crawl. Counters live in
 * each API instance's memory: with N instances an attacker gets N times the budget.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(request['ip'])}|${email}`);
  }
}
