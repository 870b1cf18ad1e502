import { z } from 'zod'
const s = z.object({ title: z.string().trim().min(1), tags: z.array(z.string()).default([]), n: z.union([z.string(), z.array(z.string()).min(1)]) })
const r = s.safeParse({ title: 3, tags: ['a', 2] }, { reportInput: true })
console.log(JSON.stringify(r.error?.issues, null, 1))
console.log(Object.keys(s.shape))
