namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// The built-in cloud for <c>vnd serve</c> demos and tests. Two hypervisors; two tenants whose address spaces
/// overlap (paper Fig. 1: both use 10.0.0.0/24, told apart only by VNI).
/// <para>
/// tenant1 runs the paper's middlebox chain (§5.1.1, Fig. 10): client1, client2 → RE → IDS → server. The chain's
/// capture points A, B and C are modelled as virtual links, each a routed hop of its own network: A joins the
/// client-side gateway <c>cgw</c> to the RE, B joins the RE to the IDS, C joins the IDS to the server. A tenant
/// captures "link A at re" to see both directions of A at the RE's side. The RE and IDS sit on different
/// hypervisors so B's traffic crosses the VXLAN tunnel.
/// </para>
/// <para>
/// tenant2 has a small web tier behind the load balancer <c>lb</c>, so the paper's Fig. 5 request (node lb, input
/// and output, port 80 between 10.0.0.6 and 10.0.0.8) applies to it. Its client reuses tenant1's 10.0.0.6.
/// Passwords equal the tenant names: demo only.
/// </para>
/// </summary>
public static class DemoCloud
{
    /// <summary>Parses <see cref="Yaml"/>.</summary>
    public static CloudModel Load() => CloudModelLoader.Load(Yaml, "built-in demo cloud");

    /// <summary>The demo cloud file.</summary>
    public const string Yaml = """
        hypervisors:
          - name: hv1
            underlay: 192.168.100.11
            bridge: br-int
            tunnelPort: { name: vxlan0, ofport: 1 }
            tableServer:
              name: ts-hv1
              collectorPorts:
                - { name: vnd-c0, ofport: 100 }
                - { name: vnd-c1, ofport: 101 }
                - { name: vnd-c2, ofport: 102 }
                - { name: vnd-c3, ofport: 103 }
          - name: hv2
            underlay: 192.168.100.12
            bridge: br-int
            tunnelPort: { name: vxlan0, ofport: 1 }
            tableServer:
              name: ts-hv2
              collectorPorts:
                - { name: vnd-c0, ofport: 100 }
                - { name: vnd-c1, ofport: 101 }
                - { name: vnd-c2, ofport: 102 }
                - { name: vnd-c3, ofport: 103 }
        tenants:
          - name: tenant1
            password: tenant1
            quotas: { maxRows: 10000000, maxBytes: 1073741824, maxDiagnoses: 4 }
            networks:
              - { name: clients, vni: 5001, subnets: [10.0.0.0/24] }
              - { name: hop-a, vni: 5002, subnets: [10.0.1.0/24] }
              - { name: hop-b, vni: 5003, subnets: [10.0.2.0/24] }
              - { name: hop-c, vni: 5004, subnets: [10.0.3.0/24] }
            nodes:
              - name: client1
                kind: vm
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: clients, address: 10.0.0.6, mac: "fa:16:3e:01:00:06", port: tap-t1-c1, ofport: 11 }
              - name: client2
                kind: vm
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: clients, address: 10.0.0.7, mac: "fa:16:3e:01:00:07", port: tap-t1-c2, ofport: 12 }
              - name: cgw
                kind: router
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: clients, address: 10.0.0.1, mac: "fa:16:3e:01:00:01", port: tap-t1-gw0, ofport: 13 }
                  - { name: eth1, network: hop-a, address: 10.0.1.1, mac: "fa:16:3e:01:01:01", port: tap-t1-gw1, ofport: 14 }
              - name: re
                kind: re
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: hop-a, address: 10.0.1.2, mac: "fa:16:3e:01:01:02", port: tap-t1-re0, ofport: 15 }
                  - { name: eth1, network: hop-b, address: 10.0.2.1, mac: "fa:16:3e:01:02:01", port: tap-t1-re1, ofport: 16 }
              - name: ids
                kind: ids
                hypervisor: hv2
                interfaces:
                  - { name: eth0, network: hop-b, address: 10.0.2.2, mac: "fa:16:3e:01:02:02", port: tap-t1-ids0, ofport: 11 }
                  - { name: eth1, network: hop-c, address: 10.0.3.1, mac: "fa:16:3e:01:03:01", port: tap-t1-ids1, ofport: 12 }
              - name: server
                kind: vm
                hypervisor: hv2
                interfaces:
                  - { name: eth0, network: hop-c, address: 10.0.3.10, mac: "fa:16:3e:01:03:0a", port: tap-t1-srv, ofport: 13 }
            links:
              - { name: A, endpoints: ["cgw:eth1", "re:eth0"] }
              - { name: B, endpoints: ["re:eth1", "ids:eth0"] }
              - { name: C, endpoints: ["ids:eth1", server] }
          - name: tenant2
            password: tenant2
            quotas: { maxRows: 1000000, maxBytes: 268435456, maxDiagnoses: 2 }
            networks:
              - { name: web, vni: 6001, subnets: [10.0.0.0/24] }
            nodes:
              - name: client
                kind: vm
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: web, address: 10.0.0.6, mac: "fa:16:3e:02:00:06", port: tap-t2-cl, ofport: 21 }
              - name: lb
                kind: lb
                hypervisor: hv2
                interfaces:
                  - { name: eth0, network: web, address: 10.0.0.5, mac: "fa:16:3e:02:00:05", port: tap-t2-lb, ofport: 21 }
              - name: web1
                kind: vm
                hypervisor: hv2
                interfaces:
                  - { name: eth0, network: web, address: 10.0.0.8, mac: "fa:16:3e:02:00:08", port: tap-t2-w1, ofport: 22 }
              - name: web2
                kind: vm
                hypervisor: hv1
                interfaces:
                  - { name: eth0, network: web, address: 10.0.0.9, mac: "fa:16:3e:02:00:09", port: tap-t2-w2, ofport: 22 }
            links:
              - { name: front, endpoints: [client, lb] }
        """;
}
