using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Tests.Control;

public sealed class CloudModelLoaderTests
{
    [Fact]
    public void DemoCloudLoadsWithOverlappingTenants()
    {
        var cloud = DemoCloud.Load();
        Assert.Equal(["hv1", "hv2"], cloud.Hypervisors.Select(h => h.Name));
        var tenant1 = cloud.FindTenant("tenant1")!;
        var tenant2 = cloud.FindTenant("tenant2")!;
        Assert.Equal("tenant1", tenant1.Credential.Password);
        Assert.Equal(new TenantQuotas(10_000_000, 1_073_741_824, 4), tenant1.Quotas);
        Assert.Equal(["client1", "client2", "cgw", "re", "ids", "server"], tenant1.Nodes.Select(n => n.Name));
        Assert.Equal(["A", "B", "C"], tenant1.Links.Select(l => l.Name));
        // Paper Fig. 1: the same subnet and even the same address in two tenants, told apart by VNI.
        var subnet = IpPrefix.Parse("10.0.0.0/24");
        Assert.Equal(subnet, tenant1.FindNetwork("clients")!.Subnets[0]);
        Assert.Equal(subnet, tenant2.FindNetwork("web")!.Subnets[0]);
        Assert.NotEqual(tenant1.FindNetwork("clients")!.Vni, tenant2.FindNetwork("web")!.Vni);
        Assert.Equal(tenant1.FindNode("client1")!.Interfaces[0].Address, tenant2.FindNode("client")!.Interfaces[0].Address);
        var re = tenant1.FindNode("re")!;
        Assert.Equal(NodeKind.Re, re.Kind);
        Assert.Equal(new SwitchPort("tap-t1-re1", 16), re.FindInterface("eth1")!.Port);
        Assert.Equal(new LinkEndpoint("server", "eth0"), tenant1.FindLink("C")!.Second);
        Assert.Equal(4, cloud.FindHypervisor("hv2")!.TableServer.CollectorPorts.Count);
    }

    [Fact]
    public void UnknownHypervisorIsReportedAtTheValue() =>
        AssertSingleError(Replace("hypervisor: hv2\n", "hypervisor: hv9\n"), "hv9", "unknown hypervisor \"hv9\"");

    [Fact]
    public void DuplicateNodeNameIsReportedAtTheSecondNode() =>
        AssertSingleError(Replace("name: client2", "name: client1"), "name: client1", "duplicate node name \"client1\"", occurrence: 2);

    [Fact]
    public void VniReusedAcrossTenantsIsRefused() =>
        AssertSingleError(Replace("vni: 6001", "vni: 5001"), "5001, subnets: [10.0.0.0/24] }\n    nodes:\n      - name: client\n",
            "VNI 5001 is already used by network \"clients\" of tenant \"tenant1\"; a VNI may belong to one network only");

    [Fact]
    public void AddressOutsideItsSubnetIsRefused() =>
        AssertSingleError(Replace("address: 10.0.0.7", "address: 10.0.9.7"), "10.0.9.7",
            "address 10.0.9.7 is outside the subnets of network \"clients\" (10.0.0.0/24)");

    [Fact]
    public void MalformedMacIsRefused() =>
        AssertSingleError(Replace("\"fa:16:3e:01:00:06\"", "\"fa:16:3e:01:0g:06\""), "\"fa:16:3e:01:0g:06\"",
            "MAC \"fa:16:3e:01:0g:06\" is malformed (expected six hex pairs separated by ':')");

    [Fact]
    public void OpenFlowPortClashAcrossTenantsOnOneHypervisorIsRefused() =>
        AssertSingleError(Replace("port: tap-t2-cl, ofport: 21", "port: tap-t2-cl, ofport: 11"), "{ name: eth0, network: web, address: 10.0.0.6",
            "OpenFlow port 11 on hypervisor \"hv1\" is already used by \"tenant1/client1:eth0\"");

    [Fact]
    public void LinkAcrossNetworksIsRefused() =>
        AssertSingleError(Replace("[\"cgw:eth1\", \"re:eth0\"]", "[\"cgw:eth0\", \"re:eth0\"]"), "\"re:eth0\"] }",
            "link endpoints are on different networks (\"clients\" and \"hop-a\")");

    [Fact]
    public void UnknownKeyIsReportedAsTypo() =>
        AssertSingleError(Replace("    underlay: 192.168.100.12", "    underlay: 192.168.100.12\n    undrlay: x"), "undrlay",
            "unknown key \"undrlay\" in a hypervisor (expected one of: name, underlay, bridge, tunnelPort, tableServer)");

    [Fact]
    public void OverlappingSubnetsWithinATenantAreRefused() =>
        AssertSingleError(Replace("subnets: [10.0.3.0/24]", "subnets: [10.0.3.0/24, 10.0.2.128/25]"), "10.0.2.128/25",
            "subnet 10.0.2.128/25 overlaps 10.0.2.0/24 of the same tenant");

    [Fact]
    public void YamlSyntaxErrorCarriesItsPosition()
    {
        var error = Assert.Single(Assert.Throws<CloudModelException>(() =>
            CloudModelLoader.Load("hypervisors:\n  - name: hv1\n   bad: [unclosed\n", "t.yaml")).Errors);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void AllErrorsAreReportedTogetherInFileOrder()
    {
        var yaml = Replace("hypervisor: hv2\n", "hypervisor: hv9\n");
        yaml = yaml.Replace("address: 10.0.0.7", "address: 10.0.9.7", StringComparison.Ordinal);
        var e = Assert.Throws<CloudModelException>(() => CloudModelLoader.Load(yaml, "demo.yaml"));
        Assert.Equal(2, e.Errors.Count);
        Assert.True(e.Errors[0].Line < e.Errors[1].Line);
        Assert.Equal(CloudModelException.ConfigFileError, e.SqlState);
        Assert.StartsWith("demo.yaml: 2 error(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains($"line {e.Errors[0].Line}, column {e.Errors[0].Column}: address 10.0.9.7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldIsReportedAtItsMapping()
    {
        var yaml = Replace("    bridge: br-int\n    tunnelPort: { name: vxlan0, ofport: 1 }\n    tableServer:\n      name: ts-hv2",
            "    tunnelPort: { name: vxlan0, ofport: 1 }\n    tableServer:\n      name: ts-hv2");
        AssertSingleError(yaml, "name: hv2", "a hypervisor is missing \"bridge\"");
    }

    [Fact]
    public void ScramVerifierIsAcceptedAndCheckedForShape()
    {
        const string verifier = "SCRAM-SHA-256$4096:c2FsdHNhbHQ=$c3RvcmVka2V5:c2VydmVya2V5";
        var cloud = CloudModelLoader.Load(Replace("password: tenant2", $"scram: \"{verifier}\""), "t.yaml");
        Assert.Equal(new TenantCredential(null, verifier), cloud.FindTenant("tenant2")!.Credential);
        AssertSingleError(Replace("password: tenant2", "scram: \"SCRAM-SHA-1$1:x$y:z\""), "\"SCRAM-SHA-1",
            "\"scram\" must be a SCRAM-SHA-256 verifier: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>");
        AssertSingleError(Replace("password: tenant2", "password: tenant2\n    scram: \"" + verifier + "\""), "name: tenant2",
            "a tenant needs exactly one of \"password\" or \"scram\"");
    }

    [Fact]
    public void DuplicateKeyIsReportedWhereItRepeats()
    {
        var error = Assert.Single(Assert.Throws<CloudModelException>(() =>
            CloudModelLoader.Load("hypervisors: []\ntenants: []\ntenants: []\n", "t.yaml")).Errors);
        Assert.Equal((3, 1, "Duplicate key tenants"), (error.Line, error.Column, error.Message));
    }

    [Theory]
    [InlineData("", "a cloud file must hold exactly one YAML document")]
    [InlineData("- 1\n", "the cloud file must be a mapping")]
    [InlineData("tenants: []\n", "the cloud file is missing \"hypervisors\"")]
    public void DegenerateFilesAreRefused(string yaml, string message) =>
        Assert.Equal(message, Assert.Single(Assert.Throws<CloudModelException>(() => CloudModelLoader.Load(yaml, "t.yaml")).Errors).Message);

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, DemoCloud.Yaml, StringComparison.Ordinal);
        var at = DemoCloud.Yaml.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(DemoCloud.Yaml.AsSpan(0, at), to, DemoCloud.Yaml.AsSpan(at + from.Length));
    }

    private static void AssertSingleError(string yaml, string marker, string message, int occurrence = 1)
    {
        var e = Assert.Throws<CloudModelException>(() => CloudModelLoader.Load(yaml, "test.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(message, error.Message);
        var (line, column) = Locate(yaml, marker, occurrence);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    /// <summary>1-based line and column of the n-th occurrence of a marker.</summary>
    private static (int Line, int Column) Locate(string text, string marker, int occurrence)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"marker \"{marker}\" occurrence {occurrence} not found");
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var line = text.AsSpan(0, at).Count('\n') + 1;
        return (line, at - lineStart + 1);
    }
}
