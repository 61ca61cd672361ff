// Demo marketplace catalogue (镜像市场): invented third-party sellers and the VM images they list.
// Seller companies are fictitious; product titles name the open-source software each image packages.

import type { Category, PricingModel } from '../../lib/domain/marketplace';

export type SeedSeller = {
  key: string; // short id used by products
  name: string; // company name shown to buyers
  email: string; // sign-in email of the seller's user, ends with @stratus.local
};

export type SeedProduct = {
  code: string; // unique; exactly 4 lowercase letters + 6 digits, e.g. 'jxsc000204'
  seller: string; // a SeedSeller.key
  title: string; // ≤ 80 characters
  category: Category;
  osType: 'linux' | 'windows';
  platform: string; // 'Ubuntu' | 'Debian' | 'CentOS Stream' | 'Rocky Linux' | 'Aliyun' | 'Windows Server 2019' | 'Windows Server 2022'
  summary: string; // one sentence, ≤ 120 characters
  description: string; // 2–4 sentences: what is installed (with versions), default ports, first login, support hours
  versions: string[]; // oldest first, 1–3 versions
  regions?: string[]; // omit = all six regions
  skus: { model: PricingModel; priceFen: number }[]; // money in integer fen (¥1 = 100 fen)
  sizeGib: number; // system disk size of the image: 20, 40, 50, 80 or 100 (Windows ≥ 40)
  featured?: boolean;
  status?: 'listed' | 'delisted'; // default listed
  listedDaysAgo: number; // 1–700, for "newest" sorting
};

const CN_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'];

export const seedSellers: SeedSeller[] = [
  { key: 'cloudsail', name: 'Cloudsail Software (Hangzhou) Co., Ltd.', email: 'seller@stratus.local' },
  { key: 'qingshan', name: 'Qingshan Data Systems (Shanghai) Co., Ltd.', email: 'seller2@stratus.local' },
  { key: 'tiedun', name: 'Tiedun Security Lab (Beijing) Co., Ltd.', email: 'seller3@stratus.local' },
  { key: 'xinghe', name: 'Xinghe Compute (Shenzhen) Co., Ltd.', email: 'seller4@stratus.local' },
  { key: 'lanfeng', name: 'Lanfeng Digital Pte. Ltd.', email: 'seller5@stratus.local' },
];

export const seedProducts: SeedProduct[] = [
  // ───────────────────────────── web ─────────────────────────────
  {
    // Used verbatim by the end-to-end tests.
    code: 'lnmp000101',
    seller: 'cloudsail',
    title: 'LNMP Stack (Nginx 1.26, MySQL 8.0, PHP 8.3) on Ubuntu 22.04',
    category: 'web',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Production-ready LNMP web stack with PHP-FPM, OPcache and phpMyAdmin, tuned for 2–8 vCPU instances.',
    description:
      'Includes Nginx 1.26, MySQL 8.0.37, PHP 8.3 (FPM, OPcache, Redis extension) and phpMyAdmin 5.2 on Ubuntu 22.04 LTS. ' +
      'Nginx listens on 80/443 and MySQL on 3306 (bound to localhost); the web root is /data/wwwroot/default. ' +
      'On first login over SSH, run `cat /root/.stratus/credentials` to read the generated MySQL root and phpMyAdmin passwords. ' +
      'Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['1.0.0', '2.0.0'],
    skus: [
      { model: 'per_instance', priceFen: 9900 },
      { model: 'hourly', priceFen: 20 },
    ],
    sizeGib: 40,
    featured: true,
    listedDaysAgo: 30,
  },
  {
    code: 'wpss000102',
    seller: 'cloudsail',
    title: 'WordPress 6.6 on Ubuntu 22.04 (Apache 2.4, PHP 8.3, MariaDB 10.11)',
    category: 'web',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'One-click WordPress site with Let’s Encrypt HTTPS, Redis object cache and daily local backups.',
    description:
      'Ships WordPress 6.6.2, Apache 2.4.58, PHP 8.3, MariaDB 10.11 and Redis 7.0 for object caching on Ubuntu 22.04 LTS. ' +
      'HTTP/HTTPS on 80/443; open http://<public-ip>/wp-admin and finish the setup wizard, the database password is in /root/wordpress.txt. ' +
      'Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['6.5.5', '6.6.2'],
    skus: [
      { model: 'per_instance', priceFen: 19900 },
      { model: 'hourly', priceFen: 25 },
    ],
    sizeGib: 40,
    featured: true,
    listedDaysAgo: 12,
  },
  {
    code: 'lamp000103',
    seller: 'cloudsail',
    title: 'LAMP Stack (Apache 2.4, MariaDB 10.11, PHP 8.2) on Debian 12',
    category: 'web',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Minimal Apache + MariaDB + PHP environment for legacy PHP apps and learning projects.',
    description:
      'Installs Apache 2.4.62, MariaDB 10.11.6 and PHP 8.2 with mod_php and common extensions on Debian 12. ' +
      'Ports 80/443 are open; MariaDB listens on 3306 locally only. ' +
      'Log in as root over SSH and run `lamp-info` to print the generated database credentials. Community support via forum, answered Mon–Fri 10:00–17:00 (UTC+8).',
    versions: ['2.4.62'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 20,
    listedDaysAgo: 210,
  },
  {
    code: 'btpn000104',
    seller: 'cloudsail',
    title: '宝塔Linux面板 9.2 (CentOS Stream 9)',
    category: 'web',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: '预装宝塔Linux面板，图形化管理网站、数据库、FTP 与 SSL 证书，适合建站新手。',
    description:
      '预装宝塔Linux面板 9.2.0 与 Nginx 1.24，面板默认端口 8888，网站使用 80/443，FTP 使用 21 与 39000–40000。 ' +
      '首次登录请 SSH 执行 `bt default` 获取面板地址、用户名和初始密码，并在安全组中放行 8888 端口。 ' +
      '工单支持时间：周一至周日 9:00–22:00（北京时间）。',
    versions: ['9.0.0', '9.2.0'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 40,
    featured: true,
    listedDaysAgo: 45,
  },
  {
    code: 'ndpm000105',
    seller: 'xinghe',
    title: 'Node.js 20 LTS + PM2 + Nginx Reverse Proxy on Rocky Linux 9',
    category: 'web',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Node.js runtime with PM2 process manager and Nginx in front, ready for Express, Next.js or NestJS apps.',
    description:
      'Contains Node.js 20.15 LTS, npm 10, pnpm 9, PM2 5.4 and Nginx 1.26 on Rocky Linux 9.4. ' +
      'Nginx proxies 80/443 to the app on 127.0.0.1:3000; a sample app runs under PM2 as user `node`. ' +
      'SSH in as root with your key pair and run `pm2 ls` to see the sample service. Support by email Mon–Fri 9:30–18:30 (UTC+8).',
    versions: ['18.20.4', '20.15.1'],
    regions: ['cn-hangzhou', 'cn-shenzhen', 'ap-southeast-1'],
    skus: [
      { model: 'monthly', priceFen: 2900 },
      { model: 'hourly', priceFen: 8 },
    ],
    sizeGib: 20,
    listedDaysAgo: 96,
  },
  {
    code: 'tmct000106',
    seller: 'xinghe',
    title: 'Tomcat 10.1 + OpenJDK 17 on Aliyun Linux 3',
    category: 'web',
    osType: 'linux',
    platform: 'Aliyun',
    summary: 'Java servlet container with OpenJDK 17, systemd service and tuned JVM defaults for 4–16 GiB instances.',
    description:
      'Installs Apache Tomcat 10.1.28 on OpenJDK 17.0.12 (Temurin build) with the manager app disabled by default. ' +
      'Tomcat listens on 8080 (HTTP) and 8443 (HTTPS); deploy WAR files to /opt/tomcat/webapps. ' +
      'After the first SSH login, run `tomcat-passwd` to set the manager password. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['9.0.93', '10.1.28'],
    regions: CN_REGIONS,
    skus: [
      { model: 'per_instance', priceFen: 12900 },
      { model: 'hourly', priceFen: 12 },
    ],
    sizeGib: 40,
    listedDaysAgo: 330,
  },
  // The demo buyer already holds licenses for this product (the seeder sells them before it is delisted),
  // so "My licenses" shows a delisted image and the listed web products above act as its substitutes.
  {
    code: 'jmla000107',
    seller: 'cloudsail',
    title: 'Joomla 4.4 on CentOS Stream 8 (Apache, PHP 8.1)',
    category: 'web',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: 'Joomla CMS on Apache with PHP 8.1 — delisted because CentOS Stream 8 reached end of life.',
    description:
      'Contains Joomla 4.4.5, Apache 2.4.37, PHP 8.1 and MariaDB 10.5 on CentOS Stream 8. ' +
      'HTTP/HTTPS on 80/443; open http://<public-ip>/administrator and sign in with the admin password from /root/joomla.txt. ' +
      'Existing licenses stay supported by ticket Mon–Fri 9:00–18:00 (UTC+8) until 2025-12-31.',
    versions: ['4.3.4', '4.4.5'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'],
    skus: [{ model: 'per_instance', priceFen: 14900 }],
    sizeGib: 40,
    status: 'delisted',
    listedDaysAgo: 620,
  },

  // ─────────────────────────── database ───────────────────────────
  {
    code: 'mysq000201',
    seller: 'qingshan',
    title: 'MySQL 8.4 LTS Server on Rocky Linux 9 (Tuned, with XtraBackup)',
    category: 'database',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Self-managed MySQL with InnoDB tuned to instance memory, scheduled XtraBackup and slow-query reports.',
    description:
      'Installs MySQL Community Server 8.4.2 LTS (8.0.39 also available) and Percona XtraBackup 8.4 on Rocky Linux 9.4. ' +
      'MySQL listens on 3306; innodb_buffer_pool_size is set to 60% of RAM at first boot. ' +
      'SSH in and run `cat /root/mysql-root.txt` for the generated root password, then rotate it. Support by ticket 7×24 for P1 issues, otherwise Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['8.0.39', '8.4.2'],
    skus: [
      { model: 'monthly', priceFen: 9900 },
      { model: 'yearly', priceFen: 99000 },
    ],
    sizeGib: 50,
    featured: true,
    listedDaysAgo: 20,
  },
  {
    code: 'pgis000202',
    seller: 'qingshan',
    title: 'PostgreSQL 16 + PostGIS 3.4 on Ubuntu 22.04',
    category: 'database',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'PostgreSQL with PostGIS, pg_stat_statements and pgBackRest preconfigured for GIS and OLTP workloads.',
    description:
      'Ships PostgreSQL 16.4, PostGIS 3.4.2, pgvector 0.7 and pgBackRest 2.53 on Ubuntu 22.04 LTS. ' +
      'PostgreSQL listens on 5432 and only accepts connections from the VPC CIDR by default (edit pg_hba.conf to widen). ' +
      'Run `sudo -u postgres psql` after SSH login; the password of the `app` role is in /root/pg.txt. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['15.8', '16.4'],
    skus: [
      { model: 'per_instance', priceFen: 29900 },
      { model: 'monthly', priceFen: 4900 },
    ],
    sizeGib: 50,
    listedDaysAgo: 75,
  },
  {
    code: 'rdis000203',
    seller: 'qingshan',
    title: 'Redis 7.2 on Debian 12 (Persistence + Sentinel Ready)',
    category: 'database',
    osType: 'linux',
    platform: 'Debian',
    summary: 'In-memory cache and data store with AOF persistence, transparent huge pages disabled and Sentinel templates.',
    description:
      'Installs Redis 7.2.5 with AOF everysec persistence and a Sentinel 7.2 config template on Debian 12. ' +
      'Redis listens on 6379 with protected mode on; Sentinel uses 26379 when enabled. ' +
      'The generated `requirepass` value is in /etc/redis/redis-auth.txt — read it after your first SSH login. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['7.0.15', '7.2.5'],
    skus: [{ model: 'hourly', priceFen: 15 }],
    sizeGib: 20,
    listedDaysAgo: 58,
  },
  {
    code: 'mgdb000204',
    seller: 'qingshan',
    title: 'MongoDB 7.0 Community Edition on Ubuntu 22.04',
    category: 'database',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Single-node MongoDB with authentication enabled, WiredTiger cache tuned and mongosh preinstalled.',
    description:
      'Contains MongoDB Community Server 7.0.12, mongosh 2.2 and MongoDB Database Tools 100.9 on Ubuntu 22.04 LTS. ' +
      'mongod listens on 27017 (bound to the private IP); authorization is enabled. ' +
      'After SSH login run `cat /root/mongo-admin.txt` for the admin user password. Community support via forum, answered within 2 business days.',
    versions: ['6.0.16', '7.0.12'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 40,
    listedDaysAgo: 140,
  },
  {
    code: 'clkh000205',
    seller: 'qingshan',
    title: 'ClickHouse 24.3 LTS Analytics Server on Ubuntu 22.04',
    category: 'database',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Columnar OLAP database for real-time analytics, with Tabix web UI and sample datasets.',
    description:
      'Installs ClickHouse 24.3.6 LTS server and client on Ubuntu 22.04 LTS with compression and memory limits tuned to the instance. ' +
      'HTTP interface on 8123, native protocol on 9000; the Tabix UI is served on 8080. ' +
      'SSH in and run `clickhouse-client --password "$(cat /root/ch.txt)"` to connect. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['23.8.16', '24.3.6'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'],
    skus: [
      { model: 'monthly', priceFen: 19900 },
      { model: 'hourly', priceFen: 45 },
    ],
    sizeGib: 80,
    listedDaysAgo: 160,
  },
  {
    code: 'pgha000206',
    seller: 'qingshan',
    title: 'PostgreSQL 15 高可用版 (Patroni + etcd) on CentOS Stream 9',
    category: 'database',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: '基于 Patroni 与 etcd 的 PostgreSQL 高可用集群镜像，三台实例即可组成自动故障切换集群。',
    description:
      '预装 PostgreSQL 15.8、Patroni 3.3、etcd 3.5 与 HAProxy 2.8，数据库端口 5432，HAProxy 读写端口 5000/5001，Patroni REST API 8008。 ' +
      '首次登录后执行 `pgha-init` 向导，输入其余两台实例的内网 IP 即可完成集群初始化。 ' +
      '技术支持：工作日 9:00–18:00（北京时间），P1 故障 7×24 小时响应。',
    versions: ['15.8'],
    regions: CN_REGIONS,
    skus: [
      { model: 'monthly', priceFen: 39900 },
      { model: 'yearly', priceFen: 399000 },
    ],
    sizeGib: 80,
    listedDaysAgo: 250,
  },

  // ─────────────────────────── security ───────────────────────────
  {
    code: 'dbhd000301',
    seller: 'tiedun',
    title: '等保2.0 三级加固镜像 (Rocky Linux 9)',
    category: 'security',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: '按等保2.0 三级要求完成身份鉴别、访问控制与安全审计加固，附自查报告模板。',
    description:
      '基于 Rocky Linux 9.4，启用 auditd、SELinux enforcing、密码复杂度与登录失败锁定策略，并预装 AIDE 0.16 与 Lynis 3.1。 ' +
      'SSH 端口改为 22022，禁止 root 密码登录，请使用密钥以 `secadmin` 用户登录后执行 `sudo hardening-report` 生成自查报告。 ' +
      '技术支持：工作日 9:00–18:00（北京时间）。',
    versions: ['2.0.3', '2.1.0'],
    skus: [
      { model: 'per_instance', priceFen: 99900 },
      { model: 'yearly', priceFen: 199900 },
    ],
    sizeGib: 40,
    listedDaysAgo: 88,
  },
  {
    code: 'mdsc000302',
    seller: 'tiedun',
    title: 'ModSecurity 3 WAF + OWASP CRS 4 on Nginx (Ubuntu 22.04)',
    category: 'security',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Self-hosted web application firewall reverse proxy that blocks SQL injection, XSS and common scanners.',
    description:
      'Builds libmodsecurity 3.0.12 with the Nginx 1.26 connector and the OWASP Core Rule Set 4.4 at paranoia level 1 on Ubuntu 22.04 LTS. ' +
      'Point your domain to the instance: it listens on 80/443 and forwards to the upstream set in /etc/nginx/conf.d/upstream.conf. ' +
      'Log in over SSH and run `waf-setup` to enter the upstream address and request a certificate. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['3.0.10', '3.0.12'],
    skus: [
      { model: 'monthly', priceFen: 19900 },
      { model: 'yearly', priceFen: 199000 },
    ],
    sizeGib: 20,
    listedDaysAgo: 120,
  },
  {
    code: 'wgvp000303',
    seller: 'tiedun',
    title: 'WireGuard VPN Gateway with wg-easy Web UI on Debian 12',
    category: 'security',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Site-to-site and remote-access VPN gateway with a browser UI for peers and QR-code client setup.',
    description:
      'Installs WireGuard (kernel module, wireguard-tools 1.0.20210914) and wg-easy 13 on Debian 12. ' +
      'VPN traffic uses UDP 51820; the admin UI is served on TCP 51821 over HTTPS. ' +
      'After the first SSH login run `cat /root/wg-easy-password` to get the UI password. Available outside mainland China only; support Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['13.0.0'],
    regions: ['ap-southeast-1', 'us-west-1'],
    skus: [
      { model: 'per_instance', priceFen: 9900 },
      { model: 'hourly', priceFen: 10 },
    ],
    sizeGib: 20,
    listedDaysAgo: 64,
  },
  {
    code: 'srwz000304',
    seller: 'tiedun',
    title: 'Suricata 7 IDS + Wazuh 4.8 Manager on Ubuntu 22.04',
    category: 'security',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Network intrusion detection and host security monitoring in one image, with Emerging Threats rules.',
    description:
      'Ships Suricata 7.0.6 with the ET Open ruleset and Wazuh manager, indexer and dashboard 4.8.1 on Ubuntu 22.04 LTS. ' +
      'Wazuh agents enrol on 1514/1515, the dashboard is on 443 and the API on 55000. ' +
      'Sign in to https://<public-ip> as `admin` with the password printed by `sudo wazuh-passwords`. Support by ticket 7×24 (UTC+8).',
    versions: ['4.7.5', '4.8.1'],
    skus: [
      { model: 'monthly', priceFen: 59900 },
      { model: 'yearly', priceFen: 599000 },
    ],
    sizeGib: 100,
    listedDaysAgo: 35,
  },
  {
    code: 'jmps000305',
    seller: 'tiedun',
    title: '开源堡垒机 JumpServer v3.10 (Rocky Linux 9)',
    category: 'security',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: '开箱即用的运维安全审计堡垒机，支持 SSH、RDP、数据库协议的统一接入与录像审计。',
    description:
      '预装 JumpServer v3.10.12（社区版）、MySQL 8.0 与 Redis 7.0，Web 端口 80/443，SSH 接入端口 2222。 ' +
      '浏览器访问 http://<公网IP>，默认账号 admin，初始密码见 /root/jumpserver.txt，首次登录后必须修改。 ' +
      '技术支持：工作日 9:00–18:00（北京时间）。',
    versions: ['3.9.4', '3.10.12'],
    regions: CN_REGIONS,
    skus: [
      { model: 'per_instance', priceFen: 399900 },
      { model: 'monthly', priceFen: 29900 },
    ],
    sizeGib: 80,
    listedDaysAgo: 180,
  },

  // ───────────────────────────── ai ─────────────────────────────
  {
    code: 'ptcu000401',
    seller: 'xinghe',
    title: 'PyTorch 2.3 + CUDA 12.1 + cuDNN 8.9 on Ubuntu 22.04 (GPU)',
    category: 'ai',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'GPU deep-learning image with matched driver, CUDA and PyTorch builds — train models minutes after launch.',
    description:
      'Includes NVIDIA driver 535.183, CUDA 12.1, cuDNN 8.9.7, PyTorch 2.3.1, torchvision 0.18, Conda 24.5 and JupyterLab 4.2 on Ubuntu 22.04 LTS. ' +
      'JupyterLab listens on 8888 and TensorBoard on 6006. ' +
      'SSH in as `ubuntu` and run `nvidia-smi` to check the GPU; the Jupyter token is in ~/jupyter-token.txt. Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['2.2.2', '2.3.1'],
    skus: [{ model: 'hourly', priceFen: 280 }],
    sizeGib: 100,
    featured: true,
    listedDaysAgo: 9,
  },
  {
    code: 'jptl000402',
    seller: 'xinghe',
    title: 'JupyterLab 4.2 Data Science Workstation (Python 3.11, CPU)',
    category: 'ai',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Browser-based notebook environment with pandas, scikit-learn and matplotlib, ideal for teaching and prototyping.',
    description:
      'Installs Python 3.11, JupyterLab 4.2.4, pandas 2.2, NumPy 1.26, scikit-learn 1.5 and matplotlib 3.9 on Ubuntu 22.04 LTS. ' +
      'JupyterLab runs behind Nginx on 443 with a self-signed certificate. ' +
      'Log in with the password printed by `jupyter-passwd` after SSH. Community support via forum, answered within 2 business days.',
    versions: ['4.1.8', '4.2.4'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 40,
    listedDaysAgo: 150,
  },
  {
    code: 'vllm000403',
    seller: 'xinghe',
    title: 'vLLM 0.5 OpenAI-Compatible Inference Server (CUDA 12.4)',
    category: 'ai',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'High-throughput LLM serving with PagedAttention; point it at a Hugging Face model and get an OpenAI-style API.',
    description:
      'Ships vLLM 0.5.4, PyTorch 2.4, CUDA 12.4 and NVIDIA driver 550 on Ubuntu 22.04 LTS, plus a systemd unit that serves the model in /etc/vllm/model.env. ' +
      'The OpenAI-compatible API listens on 8000 and Prometheus metrics on 8000/metrics. ' +
      'SSH in, set MODEL= in /etc/vllm/model.env and run `sudo systemctl restart vllm`; the API key is in /root/vllm-key.txt. Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['0.4.3', '0.5.4'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1'],
    skus: [
      { model: 'hourly', priceFen: 300 },
      { model: 'monthly', priceFen: 99900 },
    ],
    sizeGib: 100,
    listedDaysAgo: 5,
  },
  {
    code: 'tfgp000404',
    seller: 'xinghe',
    title: 'TensorFlow 2.16 + CUDA 12.3 GPU Image on Ubuntu 22.04',
    category: 'ai',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'TensorFlow with Keras 3, TensorRT and matched CUDA stack for training and serving on NVIDIA GPUs.',
    description:
      'Includes TensorFlow 2.16.2, Keras 3.4, CUDA 12.3, cuDNN 8.9, TensorRT 8.6 and TensorFlow Serving 2.16 on Ubuntu 22.04 LTS. ' +
      'TensorFlow Serving exposes gRPC on 8500 and REST on 8501; JupyterLab is on 8888. ' +
      'SSH in as `ubuntu` and run `tf-check` to verify the GPU is visible. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.15.1', '2.16.2'],
    skus: [{ model: 'hourly', priceFen: 260 }],
    sizeGib: 100,
    listedDaysAgo: 110,
  },
  {
    code: 'olwu000405',
    seller: 'xinghe',
    title: 'Ollama + Open WebUI 本地大模型部署 (Ubuntu 22.04)',
    category: 'ai',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: '一键部署私有化大模型对话服务，内置 Qwen2 7B 量化模型，可在 GPU 或 CPU 实例上运行。',
    description:
      '预装 Ollama 0.3.6、Open WebUI 0.3.13 与 Qwen2 7B（Q4 量化）模型，Ollama API 端口 11434，Web 界面端口 3000。 ' +
      '浏览器访问 http://<公网IP>:3000，首个注册的账号自动成为管理员。 ' +
      '技术支持：每日 9:00–21:00（北京时间）。',
    versions: ['0.2.8', '0.3.6'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-shenzhen'],
    skus: [
      { model: 'per_instance', priceFen: 29900 },
      { model: 'hourly', priceFen: 50 },
    ],
    sizeGib: 100,
    listedDaysAgo: 3,
  },

  // ─────────────────────────── devops ───────────────────────────
  {
    code: 'gtlb000501',
    seller: 'xinghe',
    title: 'GitLab CE 17.2 on Ubuntu 22.04 (Omnibus)',
    category: 'devops',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Self-hosted Git repositories, merge requests, CI/CD pipelines and container registry in a single VM.',
    description:
      'Installs GitLab Community Edition 17.2.2 (Omnibus package) with the bundled PostgreSQL 14 and Redis on Ubuntu 22.04 LTS. ' +
      'Web UI on 80/443, Git over SSH on 22 (system SSH moved to 2222), container registry on 5050. ' +
      'Sign in as `root` with the password from /etc/gitlab/initial_root_password (deleted automatically after 24 hours). Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['16.11.8', '17.2.2'],
    skus: [
      { model: 'monthly', priceFen: 9900 },
      { model: 'yearly', priceFen: 99000 },
    ],
    sizeGib: 80,
    featured: true,
    listedDaysAgo: 18,
  },
  {
    code: 'jnks000502',
    seller: 'xinghe',
    title: 'Jenkins 2.462 LTS + JDK 17 + Docker on Rocky Linux 9',
    category: 'devops',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'CI server with recommended plugins and Docker agents, so pipelines can build containers out of the box.',
    description:
      'Contains Jenkins 2.462.1 LTS, OpenJDK 17, Docker CE 26.1 and Git 2.43 on Rocky Linux 9.4, with the recommended plugin set preinstalled. ' +
      'Jenkins listens on 8080 and inbound agents connect on 50000. ' +
      'Open http://<public-ip>:8080 and unlock with the key from `sudo cat /var/lib/jenkins/secrets/initialAdminPassword`. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.452.3', '2.462.1'],
    skus: [
      { model: 'per_instance', priceFen: 19900 },
      { model: 'hourly', priceFen: 18 },
    ],
    sizeGib: 40,
    listedDaysAgo: 66,
  },
  {
    code: 'dkce000503',
    seller: 'cloudsail',
    title: 'Docker CE 26 + Docker Compose v2 on Ubuntu 22.04',
    category: 'devops',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Clean container host with Docker Engine, Compose plugin, Buildx and domestic registry mirrors configured.',
    description:
      'Installs Docker CE 26.1.4, Compose v2.29, Buildx 0.16 and ctop on Ubuntu 22.04 LTS, with registry mirrors set in /etc/docker/daemon.json. ' +
      'No ports are opened beyond SSH 22; the Docker socket is not exposed over TCP. ' +
      'Log in over SSH as `ubuntu` (already in the docker group) and run `docker run hello-world`. Community support via forum, answered Mon–Fri.',
    versions: ['25.0.5', '26.1.4'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 40,
    listedDaysAgo: 230,
  },
  {
    code: 'ksth000504',
    seller: 'xinghe',
    title: 'K3s 1.30 Lightweight Kubernetes + Helm 3.15 on Debian 12',
    category: 'devops',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Single-node Kubernetes for dev and edge clusters, with Helm, kubectl, k9s and Traefik ingress.',
    description:
      'Ships K3s v1.30.3+k3s1, Helm 3.15, kubectl 1.30, k9s 0.32 and Traefik 2.11 ingress on Debian 12. ' +
      'The Kubernetes API listens on 6443 and ingress on 80/443; extra nodes join with the token in /var/lib/rancher/k3s/server/node-token. ' +
      'SSH in as root and run `kubectl get nodes` — the kubeconfig is at /etc/rancher/k3s/k3s.yaml. Support by ticket Mon–Fri 9:30–18:30 (UTC+8).',
    versions: ['1.29.7', '1.30.3'],
    skus: [
      { model: 'monthly', priceFen: 4900 },
      { model: 'yearly', priceFen: 49000 },
    ],
    sizeGib: 40,
    listedDaysAgo: 41,
  },
  {
    code: 'gtdr000505',
    seller: 'cloudsail',
    title: 'Gitea 1.22 + Woodpecker CI on Debian 12',
    category: 'devops',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Lightweight self-hosted Git service with a container-based CI runner; runs well on 1 vCPU / 2 GiB.',
    description:
      'Installs Gitea 1.22.1 with SQLite, Woodpecker CI 2.7 server and agent, and Docker CE 26 on Debian 12. ' +
      'Gitea web UI on 3000 (proxied to 80/443 by Caddy), Git over SSH on 2222, Woodpecker on 8000. ' +
      'Open the site and create the first account, which becomes the administrator. Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['1.21.11', '1.22.1'],
    skus: [{ model: 'per_instance', priceFen: 9900 }],
    sizeGib: 20,
    listedDaysAgo: 300,
  },
  {
    code: 'hrbr000506',
    seller: 'xinghe',
    title: 'Harbor 2.11 私有镜像仓库 (CentOS Stream 9)',
    category: 'devops',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: '企业级私有容器镜像仓库，内置 Trivy 漏洞扫描、镜像签名与跨区域复制。',
    description:
      '预装 Harbor 2.11.0（离线安装包）、Trivy 0.53 与 Docker CE 26，Web 与镜像推送端口 443，HTTP 80 自动跳转 HTTPS。 ' +
      '浏览器访问 https://<公网IP>，以 admin 登录，初始密码见 /root/harbor-admin.txt。 ' +
      '技术支持：工作日 9:00–18:00（北京时间）。',
    versions: ['2.10.3', '2.11.0'],
    regions: CN_REGIONS,
    skus: [
      { model: 'monthly', priceFen: 14900 },
      { model: 'yearly', priceFen: 149000 },
    ],
    sizeGib: 80,
    listedDaysAgo: 200,
  },

  // ─────────────────────────── windows ───────────────────────────
  {
    code: 'sqls000601',
    seller: 'lanfeng',
    title: 'SQL Server 2022 Standard on Windows Server 2022',
    category: 'windows',
    osType: 'windows',
    platform: 'Windows Server 2022',
    summary: 'Licensed SQL Server Standard with SSMS, best-practice tempdb layout and automated backup jobs.',
    description:
      'Includes SQL Server 2022 Standard (CU14), SQL Server Management Studio 20 and PowerShell 7.4 on Windows Server 2022 Datacenter. ' +
      'SQL Server listens on 1433; RDP on 3389 should be restricted to your office IP in the security group. ' +
      'Connect over RDP as Administrator with the instance password, then open SSMS — the `sa` login is disabled, use Windows authentication. Support by ticket 7×24 (UTC+8).',
    versions: ['16.0.4135', '16.0.4140'],
    skus: [
      { model: 'hourly', priceFen: 300 },
      { model: 'monthly', priceFen: 99900 },
    ],
    sizeGib: 100,
    featured: true,
    listedDaysAgo: 25,
  },
  {
    code: 'iisn000602',
    seller: 'lanfeng',
    title: 'IIS 10 + .NET 8 Hosting Bundle on Windows Server 2022',
    category: 'windows',
    osType: 'windows',
    platform: 'Windows Server 2022',
    summary: 'Windows web server for ASP.NET Core and classic ASP.NET sites, with Web Deploy and URL Rewrite installed.',
    description:
      'Enables IIS 10 with ASP.NET 4.8, installs the .NET 8.0.8 Hosting Bundle, Web Deploy 4.0 and URL Rewrite 2.1 on Windows Server 2022. ' +
      'Sites are served on 80/443 and Web Deploy listens on 8172. ' +
      'Connect via RDP (3389) as Administrator and open IIS Manager; a sample site is in C:\\inetpub\\wwwroot. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['6.0.33', '8.0.8'],
    skus: [
      { model: 'per_instance', priceFen: 19900 },
      { model: 'hourly', priceFen: 30 },
    ],
    sizeGib: 40,
    listedDaysAgo: 80,
  },
  {
    code: 'sqlx000603',
    seller: 'lanfeng',
    title: 'SQL Server 2019 Express on Windows Server 2019',
    category: 'windows',
    osType: 'windows',
    platform: 'Windows Server 2019',
    summary: 'Free SQL Server Express edition for development and small apps (10 GB per database limit).',
    description:
      'Installs SQL Server 2019 Express (CU27) and SQL Server Management Studio 19 on Windows Server 2019 Datacenter. ' +
      'TCP/IP is enabled on 1433; RDP is on 3389. ' +
      'Connect via RDP as Administrator; the `sa` password is on the desktop in sa-password.txt. Community support via forum, answered Mon–Fri.',
    versions: ['15.0.4375'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 50,
    listedDaysAgo: 400,
  },
  {
    code: 'wiph000604',
    seller: 'lanfeng',
    title: 'IIS + PHP 8.2 (FastCGI) + MySQL 8.0 on Windows Server 2019',
    category: 'windows',
    osType: 'windows',
    platform: 'Windows Server 2019',
    summary: 'Run PHP sites on Windows with IIS FastCGI, WinCache-free OPcache setup and MySQL on the same host.',
    description:
      'Installs IIS 10, PHP 8.2.22 (NTS, FastCGI), MySQL 8.0.39 and phpMyAdmin 5.2 on Windows Server 2019 Datacenter. ' +
      'HTTP/HTTPS on 80/443, MySQL on 3306 (local only), RDP on 3389. ' +
      'RDP in as Administrator and open C:\\stratus\\credentials.txt for the MySQL root password. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['8.1.29', '8.2.22'],
    skus: [{ model: 'per_instance', priceFen: 29900 }],
    sizeGib: 50,
    listedDaysAgo: 520,
  },
  {
    code: 'rdsk000605',
    seller: 'lanfeng',
    title: 'Windows 远程桌面办公环境 (Windows Server 2022 中文版)',
    category: 'windows',
    osType: 'windows',
    platform: 'Windows Server 2022',
    summary: '预装中文语言包、常用办公与浏览器软件的云桌面，可供多人通过远程桌面同时登录办公。',
    description:
      '基于 Windows Server 2022 数据中心版（简体中文），预装 LibreOffice 24.2、7-Zip 24、Firefox ESR 128 与中文输入法，远程桌面端口 3389。 ' +
      '使用远程桌面以 Administrator 和创建实例时设置的密码登录，桌面上的“使用说明”介绍如何添加办公用户。 ' +
      '技术支持：工作日 9:00–18:00（北京时间）。',
    versions: ['2024.06', '2024.09'],
    regions: CN_REGIONS,
    skus: [
      { model: 'monthly', priceFen: 6900 },
      { model: 'yearly', priceFen: 69000 },
    ],
    sizeGib: 80,
    listedDaysAgo: 52,
  },

  // ─────────────────────────── bigdata ───────────────────────────
  {
    code: 'hdop000701',
    seller: 'qingshan',
    title: 'Hadoop 3.3.6 Pseudo-Distributed Cluster on Ubuntu 22.04',
    category: 'bigdata',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'HDFS, YARN and MapReduce configured on one node, with Hive 3.1 — for learning and small batch jobs.',
    description:
      'Installs Hadoop 3.3.6, Hive 3.1.3 with a local MySQL metastore, and OpenJDK 8 on Ubuntu 22.04 LTS. ' +
      'NameNode UI on 9870, YARN ResourceManager UI on 8088, HiveServer2 on 10000. ' +
      'SSH in as `hadoop` (key pair) and run `start-all.sh`, then open http://<public-ip>:9870. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['3.3.6'],
    skus: [
      { model: 'per_instance', priceFen: 49900 },
      { model: 'hourly', priceFen: 60 },
    ],
    sizeGib: 100,
    listedDaysAgo: 270,
  },
  {
    code: 'sprk000702',
    seller: 'qingshan',
    title: 'Apache Spark 3.5 + JupyterLab (PySpark) on Ubuntu 22.04',
    category: 'bigdata',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Standalone Spark with PySpark notebooks and Delta Lake, ready for ETL and exploratory analytics.',
    description:
      'Contains Spark 3.5.2 (Scala 2.12), Delta Lake 3.2, Python 3.11, PySpark and JupyterLab 4.2 on Ubuntu 22.04 LTS. ' +
      'Spark master on 7077 with its UI on 8080; JupyterLab on 8888. ' +
      'SSH in and run `cat ~/jupyter-token.txt`, then open the notebook URL. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['3.4.3', '3.5.2'],
    skus: [
      { model: 'monthly', priceFen: 14900 },
      { model: 'hourly', priceFen: 40 },
    ],
    sizeGib: 80,
    listedDaysAgo: 98,
  },
  {
    code: 'kfka000703',
    seller: 'qingshan',
    title: 'Kafka 3.7 (KRaft Mode) + Kafka UI on Rocky Linux 9',
    category: 'bigdata',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'ZooKeeper-free Kafka broker with a web console for topics, consumer groups and message browsing.',
    description:
      'Installs Apache Kafka 3.7.1 in KRaft combined mode, OpenJDK 17 and Kafka UI 0.7.2 on Rocky Linux 9.4. ' +
      'Brokers listen on 9092 (PLAINTEXT, private IP) and 9093 (controller); the console is on 8080. ' +
      'The console password is in /root/kafka-ui.txt — read it after your first SSH login. Support by ticket 7×24 for P1, otherwise Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['3.6.2', '3.7.1'],
    skus: [{ model: 'hourly', priceFen: 35 }],
    sizeGib: 50,
    listedDaysAgo: 73,
  },
  {
    code: 'flnk000704',
    seller: 'qingshan',
    title: 'Flink 1.19 Standalone Cluster on Debian 12',
    category: 'bigdata',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Stream processing with Apache Flink, RocksDB state backend and Kafka/MySQL CDC connectors bundled.',
    description:
      'Ships Flink 1.19.1, Flink CDC 3.1 connectors for MySQL and Kafka, and OpenJDK 11 on Debian 12. ' +
      'The JobManager web UI and REST API are on 8081; TaskManagers use 6121–6125. ' +
      'SSH in as root and run `flink-start`; the web UI password is in /root/flink-ui.txt. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['1.18.1', '1.19.1'],
    regions: ['cn-hangzhou', 'cn-shanghai'],
    skus: [
      { model: 'monthly', priceFen: 19900 },
      { model: 'yearly', priceFen: 199000 },
    ],
    sizeGib: 50,
    listedDaysAgo: 145,
  },
  {
    code: 'opsr000705',
    seller: 'qingshan',
    title: 'OpenSearch 2.15 + Dashboards Search & Log Analytics',
    category: 'bigdata',
    osType: 'linux',
    platform: 'Aliyun',
    summary: 'Full-text search and log analytics engine with Dashboards, security plugin and IK Chinese analyzer.',
    description:
      'Installs OpenSearch 2.15.0 and OpenSearch Dashboards 2.15.0 with the security plugin and IK analyzer on Aliyun Linux 3. ' +
      'The REST API listens on 9200 (HTTPS) and Dashboards on 5601. ' +
      'Sign in as `admin` with the password stored in /root/opensearch-admin.txt. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.13.0', '2.15.0'],
    regions: CN_REGIONS,
    skus: [
      { model: 'monthly', priceFen: 29900 },
      { model: 'yearly', priceFen: 299000 },
    ],
    sizeGib: 100,
    listedDaysAgo: 36,
  },

  // ───────────────────────────── os ─────────────────────────────
  {
    code: 'rkhd000801',
    seller: 'tiedun',
    title: 'Rocky Linux 9.4 Minimal (Hardened, Automatic Security Updates)',
    category: 'os',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Minimal server OS with unneeded services removed, firewalld on and dnf-automatic security patching.',
    description:
      'Rocky Linux 9.4 minimal install with SELinux enforcing, firewalld allowing only SSH 22, fail2ban 1.0 and dnf-automatic for security errata. ' +
      'Password login over SSH is disabled; use your key pair as `rocky` and `sudo -i`. ' +
      'Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['9.3', '9.4'],
    skus: [
      { model: 'monthly', priceFen: 2900 },
      { model: 'yearly', priceFen: 29000 },
    ],
    sizeGib: 20,
    listedDaysAgo: 130,
  },
  {
    code: 'dbmn000802',
    seller: 'cloudsail',
    title: 'Debian 12 Minimal (China Mirrors, zh_CN Locale, Asia/Shanghai)',
    category: 'os',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Debian 12 with domestic apt mirrors, Chinese locale and time zone preset — saves the usual first-hour setup.',
    description:
      'Debian 12.6 with apt sources pointing at domestic mirrors, zh_CN.UTF-8 locale, Asia/Shanghai time zone, chrony, vim, htop and tmux. ' +
      'Only SSH 22 is open. ' +
      'Log in as root with your key pair or the password chosen at launch. Community support via forum, answered Mon–Fri.',
    versions: ['12.5', '12.6'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 20,
    listedDaysAgo: 190,
  },
  {
    code: 'ubdk000803',
    seller: 'cloudsail',
    title: 'Ubuntu 22.04 Desktop (XFCE + xrdp Remote Desktop)',
    category: 'os',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Graphical Linux desktop in the cloud, reachable with any RDP client — good for testing and remote work.',
    description:
      'Ubuntu 22.04 LTS with XFCE 4.16, xrdp 0.9.17, Firefox, VS Code 1.92 and Chinese fonts/input method installed. ' +
      'Connect with an RDP client on 3389; SSH stays on 22. ' +
      'Log in as `desktop` with the password from /root/desktop-password.txt (read it over SSH first). Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['22.04.4'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'],
    skus: [
      { model: 'per_instance', priceFen: 4900 },
      { model: 'hourly', priceFen: 10 },
    ],
    sizeGib: 40,
    listedDaysAgo: 14,
  },
  {
    code: 'alkt000804',
    seller: 'tiedun',
    title: 'High-Concurrency Tuned Kernel 5.10 Image (Aliyun Linux 3)',
    category: 'os',
    osType: 'linux',
    platform: 'Aliyun',
    summary: 'Kernel and sysctl tuning for 100k+ concurrent connections: TCP BBR, larger backlogs and file-descriptor limits.',
    description:
      'Aliyun Linux 3 with kernel 5.10, TCP BBR enabled, somaxconn 65535, nofile 1048576, tuned-adm network-throughput profile and irqbalance. ' +
      'Only SSH 22 is open; run `tuning-report` after logging in as root to see every changed parameter. ' +
      'Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['1.1.0', '1.2.0'],
    regions: CN_REGIONS,
    skus: [{ model: 'per_instance', priceFen: 9900 }],
    sizeGib: 20,
    listedDaysAgo: 460,
  },
  {
    code: 'csop000805',
    seller: 'tiedun',
    title: 'CentOS Stream 9 Ops Toolbox (Ansible, Terraform, kubectl)',
    category: 'os',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: 'Jump host for operations teams with Ansible, Terraform, kubectl, Helm and cloud CLIs preinstalled.',
    description:
      'CentOS Stream 9 with Ansible core 2.16, Terraform 1.9, kubectl 1.30, Helm 3.15, MySQL and Redis clients, and zsh with sensible defaults. ' +
      'Only SSH 22 is open, with session recording via tlog. ' +
      'Log in as `ops` with your key pair; `toolbox-versions` lists every installed tool. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2024.06', '2024.09'],
    skus: [
      { model: 'monthly', priceFen: 3900 },
      { model: 'yearly', priceFen: 39000 },
    ],
    sizeGib: 40,
    listedDaysAgo: 27,
  },

  // ───────────────────────── monitoring ─────────────────────────
  {
    code: 'prgf000901',
    seller: 'lanfeng',
    title: 'Prometheus 2.53 + Grafana 11 + Alertmanager on Ubuntu 22.04',
    category: 'monitoring',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Complete metrics and alerting stack with node_exporter dashboards and DingTalk/WeCom webhook templates.',
    description:
      'Installs Prometheus 2.53.1 LTS, Grafana 11.1, Alertmanager 0.27 and node_exporter 1.8 on Ubuntu 22.04 LTS, with 12 prebuilt dashboards. ' +
      'Grafana on 3000, Prometheus on 9090, Alertmanager on 9093, node_exporter on 9100. ' +
      'Sign in to Grafana as `admin` with the password from /root/grafana.txt and change it on first login. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.45.6', '2.53.1'],
    skus: [
      { model: 'per_instance', priceFen: 29900 },
      { model: 'monthly', priceFen: 4900 },
    ],
    sizeGib: 50,
    featured: true,
    listedDaysAgo: 22,
  },
  {
    code: 'zbbx000902',
    seller: 'lanfeng',
    title: 'Zabbix 7.0 LTS Server (PostgreSQL + Nginx) on Rocky Linux 9',
    category: 'monitoring',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Enterprise-grade agent-based monitoring for servers, network devices and databases, with Chinese UI enabled.',
    description:
      'Installs Zabbix server, frontend and agent 2 version 7.0.2 LTS with PostgreSQL 16 and Nginx 1.24 on Rocky Linux 9.4. ' +
      'Frontend on 80/443; agents connect to the server on 10051 and passive checks use 10050. ' +
      'Sign in as `Admin` with the password in /root/zabbix.txt. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['6.0.32', '7.0.2'],
    skus: [
      { model: 'per_instance', priceFen: 39900 },
      { model: 'hourly', priceFen: 30 },
    ],
    sizeGib: 50,
    listedDaysAgo: 85,
  },
  {
    code: 'upkm000903',
    seller: 'lanfeng',
    title: 'Uptime Kuma 1.23 Status Page & Uptime Monitor on Debian 12',
    category: 'monitoring',
    osType: 'linux',
    platform: 'Debian',
    summary: 'Self-hosted uptime monitoring for HTTP, TCP, ping and DNS, with public status pages and 90+ notification types.',
    description:
      'Installs Uptime Kuma 1.23.14 on Node.js 20 behind Caddy 2.8 with automatic HTTPS on Debian 12. ' +
      'The web UI is on 443 (Caddy) and 3001 (direct). ' +
      'Open https://<public-ip> and create the admin account on first visit. Community support via forum, answered Mon–Fri.',
    versions: ['1.23.14'],
    skus: [{ model: 'free', priceFen: 0 }],
    sizeGib: 20,
    listedDaysAgo: 260,
  },
  {
    code: 'lkgf000904',
    seller: 'lanfeng',
    title: 'Log Platform: Loki 3.0 + Promtail + Grafana 11 on Ubuntu 22.04',
    category: 'monitoring',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Cost-efficient log aggregation with label-based queries; ship logs from any host with Promtail.',
    description:
      'Ships Grafana Loki 3.0.1 (single binary, object-storage ready), Promtail 3.0 and Grafana 11.1 on Ubuntu 22.04 LTS. ' +
      'Loki listens on 3100, Grafana on 3000, Promtail on 9080. ' +
      'Sign in to Grafana as `admin` with the password from /root/grafana.txt — the Loki data source is already configured. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.9.10', '3.0.1'],
    regions: ['cn-hangzhou', 'cn-beijing', 'ap-southeast-1', 'us-west-1'],
    skus: [
      { model: 'monthly', priceFen: 7900 },
      { model: 'yearly', priceFen: 79000 },
    ],
    sizeGib: 80,
    listedDaysAgo: 60,
  },
  {
    code: 'ngtl000905',
    seller: 'lanfeng',
    title: '夜莺监控 Nightingale v7 (CentOS Stream 9)',
    category: 'monitoring',
    osType: 'linux',
    platform: 'CentOS Stream',
    summary: '开源云原生监控告警平台，兼容 Prometheus 生态，内置钉钉、企业微信、飞书告警通知。',
    description:
      '预装夜莺 Nightingale v7.0.0、VictoriaMetrics 1.102、MySQL 8.0 与 Redis 7.0，Web 端口 17000，数据写入端口 8428。 ' +
      '浏览器访问 http://<公网IP>:17000，默认账号 root，初始密码见 /root/n9e.txt，首次登录后请立即修改。 ' +
      '技术支持：工作日 9:00–18:00（北京时间）。',
    versions: ['6.8.0', '7.0.0'],
    skus: [
      { model: 'per_instance', priceFen: 19900 },
      { model: 'yearly', priceFen: 59000 },
    ],
    sizeGib: 40,
    listedDaysAgo: 8,
  },

  // ───────────────────────── ecommerce ─────────────────────────
  {
    code: 'mgnt001001',
    seller: 'lanfeng',
    title: 'Magento Open Source 2.4.7 on Ubuntu 22.04 (Nginx, OpenSearch, Redis)',
    category: 'ecommerce',
    osType: 'linux',
    platform: 'Ubuntu',
    summary: 'Full-featured online store with Varnish full-page cache, OpenSearch catalog search and sample data.',
    description:
      'Installs Magento Open Source 2.4.7-p2, PHP 8.3, MySQL 8.0, OpenSearch 2.12, Redis 7.2, Varnish 7.5 and Nginx 1.26 on Ubuntu 22.04 LTS. ' +
      'Storefront on 80/443; the admin URL and password are printed by `magento-info` after SSH login. ' +
      'Recommended size: 4 vCPU / 8 GiB or larger. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['2.4.6-p7', '2.4.7-p2'],
    regions: ['cn-hangzhou', 'ap-southeast-1', 'us-west-1'],
    skus: [
      { model: 'per_instance', priceFen: 149900 },
      { model: 'hourly', priceFen: 80 },
    ],
    sizeGib: 80,
    listedDaysAgo: 47,
  },
  {
    code: 'wcmm001002',
    seller: 'cloudsail',
    title: 'WooCommerce 9 Store on WordPress 6.6 (Debian 12, Nginx)',
    category: 'ecommerce',
    osType: 'linux',
    platform: 'Debian',
    summary: 'WordPress shop with WooCommerce, Alipay/WeChat Pay gateway plugins and a Chinese storefront theme.',
    description:
      'Contains WordPress 6.6.2, WooCommerce 9.2, PHP 8.3-FPM, MariaDB 10.11 and Nginx 1.26 on Debian 12. ' +
      'HTTP/HTTPS on 80/443; open http://<public-ip>/wp-admin and sign in as `shopadmin` with the password from /root/woocommerce.txt. ' +
      'Support by ticket Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['8.9.3', '9.2.3'],
    skus: [
      { model: 'monthly', priceFen: 5900 },
      { model: 'yearly', priceFen: 59000 },
    ],
    sizeGib: 40,
    listedDaysAgo: 70,
  },
  {
    code: 'prst001003',
    seller: 'lanfeng',
    title: 'PrestaShop 8.1 on Rocky Linux 9 (Apache, PHP 8.1)',
    category: 'ecommerce',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Open-source shop for cross-border sellers, with multi-currency, multi-language and EU VAT modules.',
    description:
      'Installs PrestaShop 8.1.7, Apache 2.4, PHP 8.1 and MariaDB 10.11 on Rocky Linux 9.4. ' +
      'Storefront on 80/443; the randomised back-office path and admin password are in /root/prestashop.txt. ' +
      'Offered in overseas regions only. Support by ticket Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['8.1.7'],
    regions: ['ap-southeast-1', 'us-west-1'],
    skus: [{ model: 'per_instance', priceFen: 39900 }],
    sizeGib: 40,
    listedDaysAgo: 340,
  },
  {
    code: 'nopc001004',
    seller: 'lanfeng',
    title: 'nopCommerce 4.70 on Windows Server 2022 (IIS, SQL Server Express)',
    category: 'ecommerce',
    osType: 'windows',
    platform: 'Windows Server 2022',
    summary: 'ASP.NET Core shopping cart on IIS with SQL Server Express, for teams standardised on Windows.',
    description:
      'Installs nopCommerce 4.70.4 on .NET 8, IIS 10 and SQL Server 2022 Express on Windows Server 2022 Datacenter (English). ' +
      'Storefront on 80/443, RDP on 3389. ' +
      'Open http://<public-ip>/install to finish setup; the database connection string is on the Administrator desktop. Offered in Singapore only; support Mon–Fri 9:00–18:00 (UTC+8).',
    versions: ['4.60.6', '4.70.4'],
    regions: ['ap-southeast-1'],
    skus: [
      { model: 'monthly', priceFen: 12900 },
      { model: 'yearly', priceFen: 129000 },
    ],
    sizeGib: 50,
    listedDaysAgo: 115,
  },
  {
    code: 'mall001005',
    seller: 'lanfeng',
    title: 'B2B2C Multi-Vendor Mall 3.2 (ThinkPHP 8, PHP 8.2) on Rocky Linux 9',
    category: 'ecommerce',
    osType: 'linux',
    platform: 'Rocky Linux',
    summary: 'Multi-merchant marketplace with mini-program, H5 and PC storefronts, coupons, group-buy and distribution.',
    description:
      'Includes the Lanfeng Mall 3.2 source (ThinkPHP 8, Vue 3 admin), PHP 8.2, MySQL 8.0, Redis 7.2 and Nginx 1.26 on Rocky Linux 9.4. ' +
      'Storefront and admin on 80/443, WebSocket customer service on 2348. ' +
      'Sign in at http://<public-ip>/admin as `admin` with the password in /root/mall.txt. Support by ticket and phone Mon–Sun 9:00–21:00 (UTC+8).',
    versions: ['3.0.5', '3.1.2', '3.2.0'],
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-shenzhen'],
    skus: [
      { model: 'per_instance', priceFen: 299900 },
      { model: 'yearly', priceFen: 99900 },
    ],
    sizeGib: 50,
    listedDaysAgo: 2,
  },
];
