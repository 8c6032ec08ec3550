import type { TestIdentity } from './stub-context';

// Certificates (public parts only; the keys were thrown away) for unit tests, in the shape Fabric
// CAs issue with NodeOUs: subject C=CH, O=<org>, OU=admin|client, CN=<name>, issued by one
// self-signed CA per org (C=CH, O=<org>, CN=ca.<org>.trestle.test), valid until 2126. Made with:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
//     -keyout ca.key -out ca.pem -subj "/C=CH/O=BankA/CN=ca.banka.trestle.test"
//   openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
//     -keyout leaf.key -out leaf.csr -subj "/C=CH/O=BankA/OU=admin/CN=Admin@banka.trestle.test"
//   openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 0x<random> -days 36500

/** Admin of BankA (OU admin). */
export const BANK_A_ADMIN: TestIdentity = {
  mspId: 'BankAMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBfTCCASQCCBp8Q3juYDbqMAoGCCqGSM49BAMCMD0xCzAJBgNVBAYTAkNIMQ4w
DAYDVQQKDAVCYW5rQTEeMBwGA1UEAwwVY2EuYmFua2EudHJlc3RsZS50ZXN0MCAX
DTI2MTEyNjA0NDQ1MloYDzIxMjYxMTAyMDQ0NDUyWjBQMQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0ExDjAMBgNVBAsMBWFkbWluMSEwHwYDVQQDDBhBZG1pbkBi
YW5rYS50cmVzdGxlLnRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATsttWB
t77MdD7eGL6z5U4AvKMr8FLQnkBgwq8mJVjkyaPRXw+Fi70HzvP63Qz2yj96QpHk
TnI+nCpxtyMB5zYnMAoGCCqGSM49BAMCA0cAMEQCIBaLWC6Ykuylh5MkG7b4rsT6
hbAf3cDyoxOGN4WV20z/AiA6risTUaI9pZMZNLEZtGfhXA+OmahfA7neq+YaCgSL
+g==
-----END CERTIFICATE-----
`,
};

/** A member of BankA (OU client). */
export const BANK_A_ALICE: TestIdentity = {
  mspId: 'BankAMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBfzCCASUCCDw+DJqRYkScMAoGCCqGSM49BAMCMD0xCzAJBgNVBAYTAkNIMQ4w
DAYDVQQKDAVCYW5rQTEeMBwGA1UEAwwVY2EuYmFua2EudHJlc3RsZS50ZXN0MCAX
DTI2MTEyNjA0NDQ1MloYDzIxMjYxMTAyMDQ0NDUyWjBRMQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0ExDzANBgNVBAsMBmNsaWVudDEhMB8GA1UEAwwYYWxpY2VA
YmFua2EudHJlc3RsZS50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDu1T
STUUKsSKgCYgfRpN5c3v3v8qqNlUUD2aMDGraYLTSQJqQ8JP/f4fAqC4f/MFuxKu
ZbHIa3uZZbHrL/CLdTAKBggqhkjOPQQDAgNIADBFAiBtthzl999iIZQTHxdE31ik
l1smt8QKXf3Zj6vcWWwDLAIhAP7osp0OQWg+smYpMox/zwxm8V89Ban53fNhMJtN
B5ni
-----END CERTIFICATE-----
`,
};

/** Another member of BankA (OU client). */
export const BANK_A_BOB: TestIdentity = {
  mspId: 'BankAMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBfTCCASMCCANydrXHeY+SMAoGCCqGSM49BAMCMD0xCzAJBgNVBAYTAkNIMQ4w
DAYDVQQKDAVCYW5rQTEeMBwGA1UEAwwVY2EuYmFua2EudHJlc3RsZS50ZXN0MCAX
DTI2MTEyNjA0NDQ1MloYDzIxMjYxMTAyMDQ0NDUyWjBPMQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0ExDzANBgNVBAsMBmNsaWVudDEfMB0GA1UEAwwWYm9iQGJh
bmthLnRyZXN0bGUudGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAENmDpI
zNbWxiCvUsC26MVm9x7RGrJKlz0iyLZogNC8bjB9czFNN+zlRpgyyM5sumSo1t7L
T7BFDWf8uRy76LEwCgYIKoZIzj0EAwIDSAAwRQIhAJGpiJmxcHmQ3FxoY5X/zmFW
sGhdgM2MI252Dw1pGN6YAiB5GVK7NtuHgGhn7HzhSlrmADpnSQF4LAWz7V3qAckU
RA==
-----END CERTIFICATE-----
`,
};

/** A member of BankA whose common name is the text "OU=admin" (OU client). */
export const BANK_A_MALLORY: TestIdentity = {
  mspId: 'BankAMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBcTCCARYCCQD3LcfqWO0QNDAKBggqhkjOPQQDAjA9MQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0ExHjAcBgNVBAMMFWNhLmJhbmthLnRyZXN0bGUudGVzdDAg
Fw0yNjExMjYwNDQ0NTJaGA8yMTI2MTEwMjA0NDQ1MlowQTELMAkGA1UEBhMCQ0gx
DjAMBgNVBAoMBUJhbmtBMQ8wDQYDVQQLDAZjbGllbnQxETAPBgNVBAMMCE9VPWFk
bWluMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEwks2WwOp+496vYNbLdctmPK7
a297Ut4R7gXBxYTfPhdv0gyrUncdIwtX7/zfZKuZRdcyU5adbrJv5dAVBDrzkDAK
BggqhkjOPQQDAgNJADBGAiEAgr3naME2Qtwa4ZC/It+G8s7KtqggnT2lpvtjZMam
6PQCIQDQRa37JNPkk2mwGQRTQ/IuaCSNsVehHBwFrJ/NkNt7wg==
-----END CERTIFICATE-----
`,
};

/** Admin of BankB (OU admin). */
export const BANK_B_ADMIN: TestIdentity = {
  mspId: 'BankBMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBfzCCASQCCBzX7dLfwJg7MAoGCCqGSM49BAMCMD0xCzAJBgNVBAYTAkNIMQ4w
DAYDVQQKDAVCYW5rQjEeMBwGA1UEAwwVY2EuYmFua2IudHJlc3RsZS50ZXN0MCAX
DTI2MTEyNjA0NDQ1MloYDzIxMjYxMTAyMDQ0NDUyWjBQMQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0IxDjAMBgNVBAsMBWFkbWluMSEwHwYDVQQDDBhBZG1pbkBi
YW5rYi50cmVzdGxlLnRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATN9qLs
5deAE+L5cnnZCdLEqCyXa4T2a5/ltNZ0pJRNNc6VV/9Eb31s+IDxqevcENAOdPml
RTc/WTuNRaylaZzGMAoGCCqGSM49BAMCA0kAMEYCIQDosCNnTewTH3Hr0oDb+85c
znkoubi17A5xP/+3eeXbngIhAPpkVZdisINLC0GE6c+JHu2QtLzYrbMt83MXWbmC
UXKz
-----END CERTIFICATE-----
`,
};

/** A member of BankB (OU client). */
export const BANK_B_CAROL: TestIdentity = {
  mspId: 'BankBMSP',
  certificate: `-----BEGIN CERTIFICATE-----
MIIBgDCCASUCCFzBKM3lD3yOMAoGCCqGSM49BAMCMD0xCzAJBgNVBAYTAkNIMQ4w
DAYDVQQKDAVCYW5rQjEeMBwGA1UEAwwVY2EuYmFua2IudHJlc3RsZS50ZXN0MCAX
DTI2MTEyNjA0NDQ1MloYDzIxMjYxMTAyMDQ0NDUyWjBRMQswCQYDVQQGEwJDSDEO
MAwGA1UECgwFQmFua0IxDzANBgNVBAsMBmNsaWVudDEhMB8GA1UEAwwYY2Fyb2xA
YmFua2IudHJlc3RsZS50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEK5s6
XA9if5rozd5IVSfdzBsFiG+IUO0H+846RjvFR4wOnQZVseaiTc3ow6Gr/e9gXid5
lkP+2pbz8aGuvRfwYjAKBggqhkjOPQQDAgNJADBGAiEA7lWasBqhL4bbpVDSJQvm
NOZ/CY4ODgUx/0NhkFhr+OkCIQD9gXEBahZt4KtazLrq4iItsEuQVGJCb2CPAxPn
dVPdVw==
-----END CERTIFICATE-----
`,
};
