#!/bin/bash
# softirq_debug.sh - ksoftirqd 부하 원인 찾기

echo "=== Softirq 통계 변화율 ==="
cat /proc/softirqs > /tmp/softirqs1
sleep 1
cat /proc/softirqs > /tmp/softirqs2

echo "초당 증가량:"
paste /tmp/softirqs1 /tmp/softirqs2 | awk '
{
    if (NF >= 10) {
        name = $1
        cpu0_diff = $6 - $2
        cpu1_diff = $7 - $3
        cpu2_diff = $8 - $4
        cpu3_diff = $9 - $5
        
        if (cpu0_diff > 10000 || cpu1_diff > 10000 || 
            cpu2_diff > 10000 || cpu3_diff > 10000) {
            printf "%-10s CPU0:%-8d CPU1:%-8d CPU2:%-8d CPU3:%-8d\n",
                   name, cpu0_diff, cpu1_diff, cpu2_diff, cpu3_diff
        }
    }
}'

# 결과 예시:
# NET_RX:    CPU0:95432   CPU1:2341    CPU2:1234    CPU3:987
# → CPU0에서 네트워크 수신 폭증!
