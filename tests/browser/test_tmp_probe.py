def test_probe(webadres):
    import urllib.request
    print(webadres)
    assert urllib.request.urlopen(webadres).status == 200
