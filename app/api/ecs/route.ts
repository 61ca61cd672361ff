// The ECS-compatible RPC endpoint (API-1). Adapter only: everything happens in lib/ecs-api.
import { handleEcsRequest } from '@/lib/ecs-api/handle';

export const GET = handleEcsRequest;
export const POST = handleEcsRequest;
