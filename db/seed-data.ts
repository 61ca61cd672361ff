// Reference data every Stratus installation has: regions, instance types, public system images.

export const seedRegions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1', 'us-west-1'];

/** Hourly prices in fen, in the range of public list prices for these families. */
export const seedInstanceTypes = [
  { id: 'ecs.t6-c1m1.large', family: 't6', vcpu: 2, memoryGib: 2, hourlyPriceFen: 12 },
  { id: 'ecs.t6-c1m2.large', family: 't6', vcpu: 2, memoryGib: 4, hourlyPriceFen: 21 },
  { id: 'ecs.c7.large', family: 'c7', vcpu: 2, memoryGib: 4, hourlyPriceFen: 62 },
  { id: 'ecs.c7.xlarge', family: 'c7', vcpu: 4, memoryGib: 8, hourlyPriceFen: 124 },
  { id: 'ecs.g7.large', family: 'g7', vcpu: 2, memoryGib: 8, hourlyPriceFen: 76 },
  { id: 'ecs.g7.xlarge', family: 'g7', vcpu: 4, memoryGib: 16, hourlyPriceFen: 152 },
  { id: 'ecs.g7.2xlarge', family: 'g7', vcpu: 8, memoryGib: 32, hourlyPriceFen: 304 },
  { id: 'ecs.r7.large', family: 'r7', vcpu: 2, memoryGib: 16, hourlyPriceFen: 98 },
  { id: 'ecs.r7.2xlarge', family: 'r7', vcpu: 8, memoryGib: 64, hourlyPriceFen: 392 },
];

type SystemImage = { name: string; description: string; osType: 'linux' | 'windows'; platform: string; sizeGib: number; regions?: string[] };

export const seedSystemImages: SystemImage[] = [
  { name: 'ubuntu_24_04_x64_20G_alibase_20261015.vhd', description: 'Ubuntu 24.04 LTS 64-bit', osType: 'linux', platform: 'Ubuntu', sizeGib: 20 },
  { name: 'ubuntu_22_04_x64_20G_alibase_20261015.vhd', description: 'Ubuntu 22.04 LTS 64-bit', osType: 'linux', platform: 'Ubuntu', sizeGib: 20 },
  { name: 'debian_12_x64_20G_alibase_20261009.vhd', description: 'Debian 12 64-bit', osType: 'linux', platform: 'Debian', sizeGib: 20 },
  { name: 'centos_stream_9_x64_20G_alibase_20261001.vhd', description: 'CentOS Stream 9 64-bit', osType: 'linux', platform: 'CentOS Stream', sizeGib: 20 },
  { name: 'aliyun_3_x64_20G_alibase_20261020.vhd', description: 'Alibaba Cloud Linux 3.2104 LTS 64-bit', osType: 'linux', platform: 'Aliyun', sizeGib: 20, regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'] },
  { name: 'rockylinux_9_x64_20G_alibase_20261002.vhd', description: 'Rocky Linux 9 64-bit', osType: 'linux', platform: 'Rocky Linux', sizeGib: 20 },
  { name: 'win2022_21H2_x64_dtc_zh-cn_40G_alibase_20261012.vhd', description: 'Windows Server 2022 Datacenter 64-bit (Chinese)', osType: 'windows', platform: 'Windows Server 2022', sizeGib: 40, regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'] },
  { name: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20261012.vhd', description: 'Windows Server 2022 Datacenter 64-bit (English)', osType: 'windows', platform: 'Windows Server 2022', sizeGib: 40 },
  { name: 'win2019_1809_x64_dtc_en-us_40G_alibase_20261012.vhd', description: 'Windows Server 2019 Datacenter 64-bit (English)', osType: 'windows', platform: 'Windows Server 2019', sizeGib: 40 },
];

export const DEMO_PASSWORD = 'stratus-demo';

export const demoUsers = [
  { email: 'buyer@stratus.local', name: 'Demo Buyer', role: 'buyer', walletFen: 100_000 },
  { email: 'buyer2@stratus.local', name: 'Demo Buyer Two', role: 'buyer', walletFen: 100_000 },
  { email: 'seller@stratus.local', name: 'Demo Seller', role: 'seller', walletFen: 0 },
  { email: 'admin@stratus.local', name: 'Platform Admin', role: 'admin', walletFen: 0 },
] as const;
