// What a sign-up or sign-in form must contain.
import { z } from 'zod';
import { parseInput } from './validation';

const signUpSchema = z.object({
  name: z.string().trim().min(1).max(64),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(8).max(128),
});

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(128),
});

const codes = { name: 'InvalidName.Malformed', email: 'InvalidEmail.Malformed', password: 'InvalidPassword.Malformed' } as const;

export function parseSignUp(input: unknown) {
  return parseInput(signUpSchema, input, codes);
}

export function parseSignIn(input: unknown) {
  return parseInput(signInSchema, input, codes);
}
